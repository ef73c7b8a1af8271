-- Up Migration
-- The provider generation a job follows. A run that BullMQ repeats (its lock lapsed while
-- the first run still worked) resumes this one instead of starting, and billing, another.
ALTER TABLE jobs ADD COLUMN generation_id text;

-- Down Migration
ALTER TABLE jobs DROP COLUMN generation_id;

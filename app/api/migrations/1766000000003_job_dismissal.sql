-- Up Migration
-- A user may dismiss a finished job from their feed; the row stays, as the record of it.
ALTER TABLE jobs ADD COLUMN dismissed_at timestamptz;

-- Down Migration
ALTER TABLE jobs DROP COLUMN dismissed_at;

-- Up Migration
-- A family is every session rotated from one sign-in. A rotated token presented again means
-- two holders (a thief, or the user behind one), so the whole family ends; and a family
-- ends at a fixed time, however often it rotates.
ALTER TABLE refresh_sessions
  ADD COLUMN family_id uuid,
  ADD COLUMN family_expires_at timestamptz,
  ADD COLUMN rotated_at timestamptz;
UPDATE refresh_sessions SET family_id = id, family_expires_at = expires_at;
ALTER TABLE refresh_sessions
  ALTER COLUMN family_id SET NOT NULL,
  ALTER COLUMN family_expires_at SET NOT NULL;
CREATE INDEX refresh_sessions_family_id_idx ON refresh_sessions (family_id);

-- Down Migration
DROP INDEX refresh_sessions_family_id_idx;
ALTER TABLE refresh_sessions DROP COLUMN rotated_at, DROP COLUMN family_expires_at, DROP COLUMN family_id;

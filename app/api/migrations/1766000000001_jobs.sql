-- Up Migration
-- A generation job. updated_at has millisecond precision and changes with every
-- transition: clients order updates by it, so it must never go backwards.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  prompt text NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  result text,
  error text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- The feed's keyset: newest first, id breaks ties between jobs created in the same instant.
CREATE INDEX jobs_feed_idx ON jobs (user_id, created_at DESC, id DESC);

-- Down Migration
DROP TABLE jobs;

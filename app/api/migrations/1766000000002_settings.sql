-- Up Migration
-- Generation settings, one row per tenant: every member reads them, only admins write them.
CREATE TABLE generation_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  max_prompt_length integer NOT NULL DEFAULT 2000 CHECK (max_prompt_length BETWEEN 1 AND 2000),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE generation_settings;

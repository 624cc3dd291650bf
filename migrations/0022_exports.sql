-- Background exports (docs/EXPORTS.md): a large export is written to a file under DATA_DIR/exports by the process
-- that started it, kept a day for downloading, and its requester notified when it is ready.
CREATE TABLE export_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('reports', 'cases', 'alerts', 'pillars')),
  format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'geojson', 'hxl')),
  query jsonb NOT NULL,
  status text NOT NULL DEFAULT 'antre' CHECK (status IN ('antre', 'berjalan', 'selesai', 'gagal')),
  rows integer NOT NULL DEFAULT 0,
  total integer,
  file_name text,
  byte_size bigint,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  expires_at timestamptz
);
COMMENT ON TABLE export_jobs IS 'Background exports: the filters they were asked with, progress, and the file kept until expires_at. Only the requester sees a job; the file may hold personal data when the query asked for it (personal=true), so it is deleted when it expires.';
COMMENT ON COLUMN export_jobs.query IS 'The export''s filters and options; free text (q) may name a person: readable only by the requester.';
CREATE INDEX export_jobs_user_idx ON export_jobs (user_id, created_at DESC);
CREATE INDEX export_jobs_expires_idx ON export_jobs (expires_at) WHERE expires_at IS NOT NULL;

ALTER TABLE export_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY export_jobs_own ON export_jobs FOR ALL TO sigap_app
  USING (user_id = sigap_user_id()) WITH CHECK (user_id = sigap_user_id());
GRANT SELECT, INSERT, UPDATE ON export_jobs TO sigap_app;

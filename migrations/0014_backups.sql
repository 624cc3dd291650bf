-- Scheduled backups: one row of settings the admin edits, and the record of every scheduled run.

CREATE TABLE backup_settings (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  is_enabled boolean NOT NULL DEFAULT false,
  time_of_day text NOT NULL DEFAULT '02:00' CHECK (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  folder text NOT NULL DEFAULT '',
  keep_count integer NOT NULL DEFAULT 7 CHECK (keep_count BETWEEN 1 AND 365),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);
COMMENT ON TABLE backup_settings IS 'The one row of scheduled-backup settings, edited by the admin.';
COMMENT ON COLUMN backup_settings.time_of_day IS 'HH:MM in WIB (Asia/Jakarta) when the daily backup runs.';
COMMENT ON COLUMN backup_settings.folder IS 'Absolute folder on the server the backup files are written to.';
COMMENT ON COLUMN backup_settings.keep_count IS 'How many scheduled backup files to keep in the folder; older ones are deleted.';
INSERT INTO backup_settings DEFAULT VALUES;

CREATE TABLE backup_runs (
  id bigserial PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  is_ok boolean NOT NULL,
  file_name text,
  bytes bigint,
  error text
);
COMMENT ON TABLE backup_runs IS 'Every scheduled backup: when, where to and how big, or why it failed (the last success is shown to the admin).';
CREATE INDEX backup_runs_ok_idx ON backup_runs (is_ok, finished_at DESC);

-- History import (docs/HISTORY-IMPORT.md): past incidents from a spreadsheet become reports marked historical.
-- They feed the early warning's baselines and its backtest, and nothing that reacts to a new report: no
-- acknowledgement deadline, no escalation, no alert, no notification, no duplicate check.
ALTER TABLE reports
  ADD COLUMN historical boolean NOT NULL DEFAULT false,
  ADD COLUMN source text,
  ADD COLUMN import_id uuid;
COMMENT ON COLUMN reports.historical IS 'An imported past incident (channel import): counted in the early-warning baselines and the backtest, never as a recent signal; no deadline, escalation, alert or notification.';
COMMENT ON COLUMN reports.source IS 'Where an imported incident was recorded (the source column of the file: a newspaper, an agency''s list).';
COMMENT ON COLUMN reports.import_id IS 'The history import that brought the report in (history_imports.id).';
CREATE INDEX reports_import_idx ON reports (import_id) WHERE import_id IS NOT NULL;

CREATE TABLE history_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  file_name text NOT NULL,
  file_hash text NOT NULL,
  file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  file_data bytea,
  headers text[] NOT NULL,
  row_count integer NOT NULL,
  mapping jsonb,
  status text NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'antre', 'berjalan', 'selesai', 'gagal')),
  imported integer NOT NULL DEFAULT 0,
  skipped integer NOT NULL DEFAULT 0,
  done_rows integer NOT NULL DEFAULT 0,
  first_day date,
  last_day date,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
COMMENT ON TABLE history_imports IS 'Imports of past incidents: the file (kept until it is imported), its SHA-256, the column and type mapping, progress. One import per file: the same file again finds this row.';
COMMENT ON COLUMN history_imports.file_data IS 'The uploaded spreadsheet until its import finishes; descriptions may name people. Cleared when the import is done.';
CREATE UNIQUE INDEX history_imports_file_hash_idx ON history_imports (file_hash);
CREATE INDEX history_imports_user_idx ON history_imports (user_id, created_at DESC);

ALTER TABLE history_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY history_imports_own ON history_imports FOR ALL TO sigap_app
  USING (user_id = (SELECT sigap_user_id())) WITH CHECK (user_id = (SELECT sigap_user_id()));
GRANT SELECT, INSERT, UPDATE ON history_imports TO sigap_app;

-- The records behind an evaluation figure can be exported in the background too (docs/EXPORTS.md): a job's
-- kind may be `evaluation`.
ALTER TABLE export_jobs DROP CONSTRAINT export_jobs_kind_check;
ALTER TABLE export_jobs ADD CONSTRAINT export_jobs_kind_check
  CHECK (kind IN ('reports', 'cases', 'alerts', 'pillars', 'evaluation'));
COMMENT ON COLUMN export_jobs.kind IS 'What is exported: reports, cases, alerts, pillars, or evaluation (the records behind one evaluation figure, its set in query).';

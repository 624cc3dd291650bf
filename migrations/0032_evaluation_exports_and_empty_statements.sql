-- The records behind an evaluation figure can be exported in the background too (docs/EXPORTS.md): a job's
-- kind may be `evaluation`.
ALTER TABLE export_jobs DROP CONSTRAINT export_jobs_kind_check;
ALTER TABLE export_jobs ADD CONSTRAINT export_jobs_kind_check
  CHECK (kind IN ('reports', 'cases', 'alerts', 'pillars', 'evaluation'));
COMMENT ON COLUMN export_jobs.kind IS 'What is exported: reports, cases, alerts, pillars, or evaluation (the records behind one evaluation figure, its set in query).';

-- The daily report figures (migration 0029) skip a statement that changed no report. Every incident stored runs
-- the link trigger's UPDATE of the signals before it (migration 0009), which mostly changes none; the statement
-- trigger then planned and ran its whole upsert for nothing, about 5 ms per stored incident (a history import of
-- 50,000 rows, and COPY, paid it row by row). Nothing changed means nothing to count: the figures are the same.
CREATE OR REPLACE FUNCTION sigap_count_reports() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT FROM new_rows) THEN RETURN NULL; END IF;
    EXECUTE sigap_report_counts_sql('SELECT n AS r, 1 AS sign FROM new_rows n');
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT FROM old_rows) THEN RETURN NULL; END IF;
    EXECUTE sigap_report_counts_sql('SELECT o AS r, -1 AS sign FROM old_rows o');
  ELSE
    IF NOT EXISTS (SELECT FROM old_rows) THEN RETURN NULL; END IF;
    EXECUTE sigap_report_counts_sql(
      'SELECT n AS r, 1 AS sign FROM new_rows n UNION ALL SELECT o AS r, -1 AS sign FROM old_rows o');
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION sigap_count_reports() FROM PUBLIC;

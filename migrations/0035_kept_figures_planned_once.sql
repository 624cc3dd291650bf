-- The kept dashboard figures (migration 0029) cost per write what a write of one report costs ten times over
-- (decision 0041). Their statement triggers EXECUTEd the upsert as a text, so every statement that touched a
-- report or a case planned that upsert anew (≈ 4–8 ms a statement under the load mix, against ≈ 0.4 ms for the
-- UPDATE itself), and every UPDATE of a report ran it, although most change nothing that is counted (the
-- duplicate check's dedup_checked_at, the links of signals to incidents, escalation's level).
--
-- Here each trigger has its own function with the upsert as a static statement, so PL/pgSQL plans it once per
-- connection and reuses the plan; the statement's text is still the one of sigap_report_counts_sql and
-- sigap_case_counts_sql (written into the functions below when this migration runs), so the figures are counted
-- exactly as before. An UPDATE whose rows keep every counted value (the day, the area, the type, what is
-- counted and the vulnerable people for a report; open or not, the area, the phase and the priority for a case)
-- adds nothing and now returns at once: a delta of zero wrote nothing before either.

DO $migration$
BEGIN
  EXECUTE format($fn$
    CREATE FUNCTION sigap_count_reports_inserted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
    BEGIN
      IF NOT EXISTS (SELECT FROM new_rows) THEN RETURN NULL; END IF;
      %s;
      RETURN NULL;
    END $body$ $fn$, sigap_report_counts_sql('SELECT n AS r, 1 AS sign FROM new_rows n'));

  EXECUTE format($fn$
    CREATE FUNCTION sigap_count_reports_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
    BEGIN
      IF NOT EXISTS (SELECT FROM old_rows) THEN RETURN NULL; END IF;
      %s;
      RETURN NULL;
    END $body$ $fn$, sigap_report_counts_sql('SELECT o AS r, -1 AS sign FROM old_rows o'));

  -- Every updated row is once in old_rows and once in new_rows, under its id: when each new row's counted
  -- values are those of an old row with its id, nothing counted changed.
  EXECUTE format($fn$
    CREATE FUNCTION sigap_count_reports_updated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
    BEGIN
      IF NOT EXISTS (
        SELECT n.id, (n.occurred_at AT TIME ZONE 'Asia/Jakarta')::date, sigap_report_is_historical(to_jsonb(n)),
               n.kabkota_code, n.kecamatan_code, n.conflict_type, n.kind = 'kejadian', n.has_vulnerable,
               n.priority = 'P1', n.acknowledged_at > n.due_acknowledge_at, n.acknowledged_at IS NULL, n.vulnerable
        FROM new_rows n
        EXCEPT
        SELECT o.id, (o.occurred_at AT TIME ZONE 'Asia/Jakarta')::date, sigap_report_is_historical(to_jsonb(o)),
               o.kabkota_code, o.kecamatan_code, o.conflict_type, o.kind = 'kejadian', o.has_vulnerable,
               o.priority = 'P1', o.acknowledged_at > o.due_acknowledge_at, o.acknowledged_at IS NULL, o.vulnerable
        FROM old_rows o
      ) THEN
        RETURN NULL;
      END IF;
      %s;
      RETURN NULL;
    END $body$ $fn$, sigap_report_counts_sql(
      'SELECT n AS r, 1 AS sign FROM new_rows n UNION ALL SELECT o AS r, -1 AS sign FROM old_rows o'));

  EXECUTE format($fn$
    CREATE FUNCTION sigap_count_cases_inserted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
    BEGIN
      IF NOT EXISTS (SELECT FROM new_rows) THEN RETURN NULL; END IF;
      %s;
      RETURN NULL;
    END $body$ $fn$, sigap_case_counts_sql('SELECT n AS k, 1 AS sign FROM new_rows n'));

  EXECUTE format($fn$
    CREATE FUNCTION sigap_count_cases_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
    BEGIN
      IF NOT EXISTS (SELECT FROM old_rows) THEN RETURN NULL; END IF;
      %s;
      RETURN NULL;
    END $body$ $fn$, sigap_case_counts_sql('SELECT o AS k, -1 AS sign FROM old_rows o'));

  EXECUTE format($fn$
    CREATE FUNCTION sigap_count_cases_updated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
    BEGIN
      IF NOT EXISTS (
        SELECT n.id, n.closed_at IS NULL, n.kabkota_code, n.region_code, n.phase, n.priority FROM new_rows n
        EXCEPT
        SELECT o.id, o.closed_at IS NULL, o.kabkota_code, o.region_code, o.phase, o.priority FROM old_rows o
      ) THEN
        RETURN NULL;
      END IF;
      %s;
      RETURN NULL;
    END $body$ $fn$, sigap_case_counts_sql(
      'SELECT n AS k, 1 AS sign FROM new_rows n UNION ALL SELECT o AS k, -1 AS sign FROM old_rows o'));
END
$migration$;

DROP TRIGGER reports_count_inserted ON reports;
DROP TRIGGER reports_count_updated ON reports;
DROP TRIGGER reports_count_deleted ON reports;
CREATE TRIGGER reports_count_inserted AFTER INSERT ON reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_reports_inserted();
CREATE TRIGGER reports_count_updated AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_reports_updated();
CREATE TRIGGER reports_count_deleted AFTER DELETE ON reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_reports_deleted();

DROP TRIGGER cases_count_inserted ON cases;
DROP TRIGGER cases_count_updated ON cases;
DROP TRIGGER cases_count_deleted ON cases;
CREATE TRIGGER cases_count_inserted AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_cases_inserted();
CREATE TRIGGER cases_count_updated AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_cases_updated();
CREATE TRIGGER cases_count_deleted AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_cases_deleted();

DROP FUNCTION sigap_count_reports();
DROP FUNCTION sigap_count_cases();

REVOKE ALL ON FUNCTION sigap_count_reports_inserted() FROM PUBLIC;
REVOKE ALL ON FUNCTION sigap_count_reports_updated() FROM PUBLIC;
REVOKE ALL ON FUNCTION sigap_count_reports_deleted() FROM PUBLIC;
REVOKE ALL ON FUNCTION sigap_count_cases_inserted() FROM PUBLIC;
REVOKE ALL ON FUNCTION sigap_count_cases_updated() FROM PUBLIC;
REVOKE ALL ON FUNCTION sigap_count_cases_deleted() FROM PUBLIC;

COMMENT ON FUNCTION sigap_count_reports_inserted() IS 'Adds the inserted reports to the kept figures (report_daily_counts, report_daily_vulnerable): the statement of sigap_report_counts_sql, planned once per connection.';
COMMENT ON FUNCTION sigap_count_reports_updated() IS 'Moves updated reports in the kept figures; returns at once when no counted value of any row changed.';
COMMENT ON FUNCTION sigap_count_reports_deleted() IS 'Takes deleted reports out of the kept figures.';
COMMENT ON FUNCTION sigap_count_cases_inserted() IS 'Adds inserted open cases to case_open_counts: the statement of sigap_case_counts_sql, planned once per connection.';
COMMENT ON FUNCTION sigap_count_cases_updated() IS 'Moves updated cases in case_open_counts; returns at once when no case changed being open, its area, phase or priority.';
COMMENT ON FUNCTION sigap_count_cases_deleted() IS 'Takes deleted cases out of case_open_counts.';

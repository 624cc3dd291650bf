-- Dashboard figures kept as reports and cases change (docs/decisions/0028-dashboard-rollups-and-http-caching.md).
--
-- /api/stats/overview counted every visible report of the period per request: at a million reports the province
-- dashboard read a million rows. Here the figures are kept per WIB day and area by statement-level triggers
-- (transition tables: one upsert per statement, however many rows it touched), in the same transaction as the
-- change, so the dashboard reads at most days × areas × types rows and is never stale.
--
-- Each report is counted twice, at two levels, so that the province reads one row per kab/kota and a kab/kota
-- one row per kecamatan:
--   level 'kabkota'   area_code = the report's kab/kota
--   level 'kecamatan' area_code = its kecamatan, or its kab/kota when it is placed at kab/kota level
-- Row security: area_code within the viewer's scope patterns (the statement-level form of 0023), which is what
-- the reports' own policy decides by region for every scope a user can have (province, Bakorwil, kab/kota,
-- kecamatan). Reports seen only through a grant or as their reporter are not a region's figures.
--
-- `historical` (reports imported from before Sigap) is read from the row when the column exists, so the figures
-- can include or leave out imported history without a change to these triggers.

CREATE TABLE report_daily_counts (
  level text NOT NULL CHECK (level IN ('kabkota', 'kecamatan')),
  day date NOT NULL,
  kabkota_code text NOT NULL,
  area_code text NOT NULL,
  conflict_type text NOT NULL,
  historical boolean NOT NULL DEFAULT false,
  reports integer NOT NULL DEFAULT 0,
  incidents integer NOT NULL DEFAULT 0,
  vulnerable integer NOT NULL DEFAULT 0,
  p1 integer NOT NULL DEFAULT 0,
  acknowledged_late integer NOT NULL DEFAULT 0,
  unacknowledged integer NOT NULL DEFAULT 0,
  PRIMARY KEY (level, day, kabkota_code, area_code, conflict_type, historical)
);
COMMENT ON TABLE report_daily_counts IS 'Reports per WIB day (of occurred_at), area and conflict type, at two levels (kab/kota and kecamatan), kept by triggers on reports in the same transaction. The dashboard reads these instead of the reports.';
COMMENT ON COLUMN report_daily_counts.area_code IS 'The kab/kota (level kabkota), or the kecamatan, or the kab/kota of a report placed at kab/kota level (level kecamatan).';
COMMENT ON COLUMN report_daily_counts.acknowledged_late IS 'Reports acknowledged after due_acknowledge_at.';
COMMENT ON COLUMN report_daily_counts.unacknowledged IS 'Reports not acknowledged yet (overdue or not: the dashboard subtracts those still within their deadline).';
CREATE INDEX report_daily_counts_kabkota_idx ON report_daily_counts (kabkota_code, level, day);

CREATE TABLE report_daily_vulnerable (
  level text NOT NULL CHECK (level IN ('kabkota', 'kecamatan')),
  day date NOT NULL,
  kabkota_code text NOT NULL,
  area_code text NOT NULL,
  vulnerable_group text NOT NULL,
  historical boolean NOT NULL DEFAULT false,
  harmed integer NOT NULL DEFAULT 0,
  displaced integer NOT NULL DEFAULT 0,
  at_risk integer NOT NULL DEFAULT 0,
  PRIMARY KEY (level, day, kabkota_code, area_code, vulnerable_group, historical)
);
COMMENT ON TABLE report_daily_vulnerable IS 'Vulnerable people named by reports, per WIB day, area and group (harmed, displaced, at risk), at the two levels of report_daily_counts; kept by the same triggers.';
CREATE INDEX report_daily_vulnerable_kabkota_idx ON report_daily_vulnerable (kabkota_code, level, day);

CREATE TABLE case_open_counts (
  level text NOT NULL CHECK (level IN ('kabkota', 'kecamatan')),
  kabkota_code text NOT NULL,
  area_code text NOT NULL,
  phase text NOT NULL,
  priority text NOT NULL,
  open integer NOT NULL DEFAULT 0,
  PRIMARY KEY (level, kabkota_code, area_code, phase, priority)
);
COMMENT ON TABLE case_open_counts IS 'Open cases now per area, phase and priority, at two levels (as report_daily_counts), kept by triggers on cases.';

-- The kecamatan of a region code (the first three parts), or NULL above kecamatan level.
CREATE FUNCTION sigap_kecamatan_of(code text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT substring(code FROM '^\d{2}\.\d{2}\.\d{2}')
$$;

-- Whether a report row is imported history (false while reports has no such column).
CREATE FUNCTION sigap_report_is_historical(r jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce((r ->> 'historical')::boolean, false)
$$;

-- The statement that adds the counts of the reports in `source` (a query over a transition table giving the
-- report rows and a sign, +1 or -1) to both tables. Deltas that sum to zero write nothing; keys are written in
-- order, so two statements never wait on each other's rows in opposite orders. A text, EXECUTEd by the trigger
-- function itself: transition tables are visible only to the statements of the trigger's own function.
CREATE FUNCTION sigap_report_counts_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH changed AS (%s),
    each_row AS (
      SELECT c.sign, c.r, ((c.r).occurred_at AT TIME ZONE 'Asia/Jakarta')::date AS day,
             sigap_report_is_historical(to_jsonb(c.r)) AS historical
      FROM changed c
    ),
    levels AS (
      SELECT x.*, l.level, l.area_code
      FROM each_row x,
           LATERAL (VALUES ('kabkota', (x.r).kabkota_code),
                           ('kecamatan', coalesce((x.r).kecamatan_code, (x.r).kabkota_code))) AS l (level, area_code)
    ),
    sums AS (
      SELECT level, day, (r).kabkota_code AS kabkota_code, area_code, (r).conflict_type AS conflict_type, historical,
             sum(sign) AS reports,
             coalesce(sum(sign) FILTER (WHERE (r).kind = 'kejadian'), 0) AS incidents,
             coalesce(sum(sign) FILTER (WHERE (r).has_vulnerable), 0) AS vulnerable,
             coalesce(sum(sign) FILTER (WHERE (r).priority = 'P1'), 0) AS p1,
             coalesce(sum(sign) FILTER (WHERE (r).acknowledged_at > (r).due_acknowledge_at), 0) AS acknowledged_late,
             coalesce(sum(sign) FILTER (WHERE (r).acknowledged_at IS NULL), 0) AS unacknowledged
      FROM levels
      GROUP BY 1, 2, 3, 4, 5, 6
    ),
    counts AS (
      INSERT INTO report_daily_counts AS t (level, day, kabkota_code, area_code, conflict_type, historical,
        reports, incidents, vulnerable, p1, acknowledged_late, unacknowledged)
      SELECT * FROM sums
      WHERE reports <> 0 OR incidents <> 0 OR vulnerable <> 0 OR p1 <> 0 OR acknowledged_late <> 0
        OR unacknowledged <> 0
      ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (level, day, kabkota_code, area_code, conflict_type, historical) DO UPDATE SET
        reports = t.reports + excluded.reports,
        incidents = t.incidents + excluded.incidents,
        vulnerable = t.vulnerable + excluded.vulnerable,
        p1 = t.p1 + excluded.p1,
        acknowledged_late = t.acknowledged_late + excluded.acknowledged_late,
        unacknowledged = t.unacknowledged + excluded.unacknowledged
    ),
    people AS (
      SELECT x.level, x.day, (x.r).kabkota_code AS kabkota_code, x.area_code, g.key AS vulnerable_group,
             x.historical,
             sum(x.sign * coalesce((g.value ->> 'harmed')::int, 0)) AS harmed,
             sum(x.sign * coalesce((g.value ->> 'displaced')::int, 0)) AS displaced,
             sum(x.sign * coalesce((g.value ->> 'atRisk')::int, 0)) AS at_risk
      FROM levels x CROSS JOIN LATERAL jsonb_each((x.r).vulnerable) g
      GROUP BY 1, 2, 3, 4, 5, 6
    )
    INSERT INTO report_daily_vulnerable AS t (level, day, kabkota_code, area_code, vulnerable_group, historical,
      harmed, displaced, at_risk)
    SELECT * FROM people WHERE harmed <> 0 OR displaced <> 0 OR at_risk <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (level, day, kabkota_code, area_code, vulnerable_group, historical) DO UPDATE SET
      harmed = t.harmed + excluded.harmed,
      displaced = t.displaced + excluded.displaced,
      at_risk = t.at_risk + excluded.at_risk
  $q$, source)
$f$;

CREATE FUNCTION sigap_count_reports() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE sigap_report_counts_sql('SELECT n AS r, 1 AS sign FROM new_rows n');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE sigap_report_counts_sql('SELECT o AS r, -1 AS sign FROM old_rows o');
  ELSE
    EXECUTE sigap_report_counts_sql(
      'SELECT n AS r, 1 AS sign FROM new_rows n UNION ALL SELECT o AS r, -1 AS sign FROM old_rows o');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reports_count_inserted AFTER INSERT ON reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_reports();
CREATE TRIGGER reports_count_updated AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_reports();
CREATE TRIGGER reports_count_deleted AFTER DELETE ON reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_reports();

-- Open cases: the same, for the cases that are open before and after a statement.
CREATE FUNCTION sigap_case_counts_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH changed AS (%s),
    levels AS (
      SELECT c.sign, l.level, (c.k).kabkota_code AS kabkota_code, l.area_code, (c.k).phase AS phase,
             (c.k).priority AS priority
      FROM changed c,
           LATERAL (VALUES ('kabkota', (c.k).kabkota_code),
                           ('kecamatan', coalesce(sigap_kecamatan_of((c.k).region_code), (c.k).kabkota_code)))
             AS l (level, area_code)
      WHERE (c.k).closed_at IS NULL
    ),
    sums AS (
      SELECT level, kabkota_code, area_code, phase, priority, sum(sign) AS open
      FROM levels GROUP BY 1, 2, 3, 4, 5
    )
    INSERT INTO case_open_counts AS t (level, kabkota_code, area_code, phase, priority, open)
    SELECT * FROM sums WHERE open <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (level, kabkota_code, area_code, phase, priority) DO UPDATE SET open = t.open + excluded.open
  $q$, source)
$f$;

CREATE FUNCTION sigap_count_cases() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE sigap_case_counts_sql('SELECT n AS k, 1 AS sign FROM new_rows n');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE sigap_case_counts_sql('SELECT o AS k, -1 AS sign FROM old_rows o');
  ELSE
    EXECUTE sigap_case_counts_sql(
      'SELECT n AS k, 1 AS sign FROM new_rows n UNION ALL SELECT o AS k, -1 AS sign FROM old_rows o');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER cases_count_inserted AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_cases();
CREATE TRIGGER cases_count_updated AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_cases();
CREATE TRIGGER cases_count_deleted AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sigap_count_cases();

-- An emptied table empties its figures.
CREATE FUNCTION sigap_empty_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_TABLE_NAME = 'reports' THEN
    TRUNCATE report_daily_counts, report_daily_vulnerable;
  ELSE
    TRUNCATE case_open_counts;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER reports_count_truncated AFTER TRUNCATE ON reports FOR EACH STATEMENT EXECUTE FUNCTION sigap_empty_counts();
CREATE TRIGGER cases_count_truncated AFTER TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION sigap_empty_counts();

REVOKE ALL ON FUNCTION sigap_count_reports() FROM PUBLIC;
REVOKE ALL ON FUNCTION sigap_count_cases() FROM PUBLIC;
REVOKE ALL ON FUNCTION sigap_empty_counts() FROM PUBLIC;

-- The figures of the database as it is (a database migrated with reports and cases already in it).
DO $$
BEGIN
  EXECUTE sigap_report_counts_sql('SELECT n AS r, 1 AS sign FROM reports n');
  EXECUTE sigap_case_counts_sql('SELECT n AS k, 1 AS sign FROM cases n');
END $$;

-- Row security: the figures of the areas in the viewer's scope, in the form of migration 0023.
ALTER TABLE report_daily_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_daily_counts_select ON report_daily_counts FOR SELECT TO sigap_app
  USING (area_code LIKE ANY ((SELECT sigap_scope_patterns())::text[]));
ALTER TABLE report_daily_vulnerable ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_daily_vulnerable_select ON report_daily_vulnerable FOR SELECT TO sigap_app
  USING (area_code LIKE ANY ((SELECT sigap_scope_patterns())::text[]));
ALTER TABLE case_open_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_open_counts_select ON case_open_counts FOR SELECT TO sigap_app
  USING (area_code LIKE ANY ((SELECT sigap_scope_patterns())::text[]));
GRANT SELECT ON report_daily_counts, report_daily_vulnerable, case_open_counts TO sigap_app;

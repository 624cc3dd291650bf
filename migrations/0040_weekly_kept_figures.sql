-- The dashboard's kept figures also per week (docs/decisions/0049-dashboard-reads-whole-weeks.md).
--
-- The province's dashboard read one kept row per day, kab/kota and conflict type of its period: at a million
-- reports every combination is filled, ≈ 100,000 rows for a year and ≈ 29,000 for the default 12 weeks, each
-- passing the row-security policy and the grouping: p95 447 ms and 267 ms against the 100 ms the dashboard may take.
-- Here the same figures are kept per week (its Monday, WIB) as well, by the same statement of the same triggers,
-- in the writer's transaction: a period reads its whole weeks from report_weekly_counts and only the days of its
-- partial first and last weeks from report_daily_counts, a seventh of the rows. The vulnerable people likewise.
--
-- The weekly rows are the daily rows' sums by construction: each statement adds the same deltas to both, in one
-- statement (a data-modifying WITH), so a concurrent writer sees both or neither; upserts add to the row under its
-- lock (ON CONFLICT DO UPDATE), so concurrent inserts and updates of reports of one week all land, and the rows are
-- written in key order, daily before weekly, the same order in every statement, so two writers never wait on each
-- other's rows in opposite orders.

CREATE TABLE report_weekly_counts (
  level text NOT NULL CHECK (level IN ('kabkota', 'kecamatan')),
  week date NOT NULL CHECK (extract(isodow FROM week) = 1),
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
  PRIMARY KEY (level, week, kabkota_code, area_code, conflict_type, historical)
);
COMMENT ON TABLE report_weekly_counts IS 'The rows of report_daily_counts summed per week (its Monday, WIB), kept by the same trigger statement. The dashboard reads whole weeks here and the days of partial weeks there.';
CREATE INDEX report_weekly_counts_kabkota_idx ON report_weekly_counts (kabkota_code, level, week);

CREATE TABLE report_weekly_vulnerable (
  level text NOT NULL CHECK (level IN ('kabkota', 'kecamatan')),
  week date NOT NULL CHECK (extract(isodow FROM week) = 1),
  kabkota_code text NOT NULL,
  area_code text NOT NULL,
  vulnerable_group text NOT NULL,
  historical boolean NOT NULL DEFAULT false,
  harmed integer NOT NULL DEFAULT 0,
  displaced integer NOT NULL DEFAULT 0,
  at_risk integer NOT NULL DEFAULT 0,
  PRIMARY KEY (level, week, kabkota_code, area_code, vulnerable_group, historical)
);
COMMENT ON TABLE report_weekly_vulnerable IS 'The rows of report_daily_vulnerable summed per week (its Monday, WIB), kept by the same trigger statement.';
CREATE INDEX report_weekly_vulnerable_kabkota_idx ON report_weekly_vulnerable (kabkota_code, level, week);

-- The statement of migration 0029 with the weekly sums added: the same deltas, grouped by the Monday of their day.
CREATE OR REPLACE FUNCTION sigap_report_counts_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
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
    weekly_sums AS (
      SELECT level, day - (extract(isodow FROM day)::int - 1) AS week, kabkota_code, area_code, conflict_type,
             historical, sum(reports) AS reports, sum(incidents) AS incidents, sum(vulnerable) AS vulnerable,
             sum(p1) AS p1, sum(acknowledged_late) AS acknowledged_late, sum(unacknowledged) AS unacknowledged
      FROM sums
      GROUP BY 1, 2, 3, 4, 5, 6
    ),
    weekly_counts AS (
      INSERT INTO report_weekly_counts AS t (level, week, kabkota_code, area_code, conflict_type, historical,
        reports, incidents, vulnerable, p1, acknowledged_late, unacknowledged)
      SELECT * FROM weekly_sums
      WHERE reports <> 0 OR incidents <> 0 OR vulnerable <> 0 OR p1 <> 0 OR acknowledged_late <> 0
        OR unacknowledged <> 0
      ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (level, week, kabkota_code, area_code, conflict_type, historical) DO UPDATE SET
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
    ),
    weekly_people AS (
      INSERT INTO report_weekly_vulnerable AS t (level, week, kabkota_code, area_code, vulnerable_group,
        historical, harmed, displaced, at_risk)
      SELECT level, day - (extract(isodow FROM day)::int - 1), kabkota_code, area_code, vulnerable_group,
             historical, sum(harmed), sum(displaced), sum(at_risk)
      FROM people
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(harmed) <> 0 OR sum(displaced) <> 0 OR sum(at_risk) <> 0
      ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (level, week, kabkota_code, area_code, vulnerable_group, historical) DO UPDATE SET
        harmed = t.harmed + excluded.harmed,
        displaced = t.displaced + excluded.displaced,
        at_risk = t.at_risk + excluded.at_risk
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

-- The trigger functions of migration 0035, written again from the new statement (their bodies hold its text).
DO $migration$
BEGIN
  EXECUTE format($fn$
    CREATE OR REPLACE FUNCTION sigap_count_reports_inserted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
    BEGIN
      IF NOT EXISTS (SELECT FROM new_rows) THEN RETURN NULL; END IF;
      %s;
      RETURN NULL;
    END $body$ $fn$, sigap_report_counts_sql('SELECT n AS r, 1 AS sign FROM new_rows n'));

  EXECUTE format($fn$
    CREATE OR REPLACE FUNCTION sigap_count_reports_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
    BEGIN
      IF NOT EXISTS (SELECT FROM old_rows) THEN RETURN NULL; END IF;
      %s;
      RETURN NULL;
    END $body$ $fn$, sigap_report_counts_sql('SELECT o AS r, -1 AS sign FROM old_rows o'));

  EXECUTE format($fn$
    CREATE OR REPLACE FUNCTION sigap_count_reports_updated() RETURNS trigger
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
END
$migration$;

CREATE OR REPLACE FUNCTION sigap_empty_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_TABLE_NAME = 'reports' THEN
    TRUNCATE report_daily_counts, report_daily_vulnerable, report_weekly_counts, report_weekly_vulnerable;
  ELSE
    TRUNCATE case_open_counts;
  END IF;
  RETURN NULL;
END $$;

-- The weeks of the database as it is, from its kept days.
INSERT INTO report_weekly_counts (level, week, kabkota_code, area_code, conflict_type, historical, reports,
  incidents, vulnerable, p1, acknowledged_late, unacknowledged)
SELECT level, day - (extract(isodow FROM day)::int - 1), kabkota_code, area_code, conflict_type, historical,
       sum(reports), sum(incidents), sum(vulnerable), sum(p1), sum(acknowledged_late), sum(unacknowledged)
FROM report_daily_counts
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO report_weekly_vulnerable (level, week, kabkota_code, area_code, vulnerable_group, historical, harmed,
  displaced, at_risk)
SELECT level, day - (extract(isodow FROM day)::int - 1), kabkota_code, area_code, vulnerable_group, historical,
       sum(harmed), sum(displaced), sum(at_risk)
FROM report_daily_vulnerable
GROUP BY 1, 2, 3, 4, 5, 6;

-- Row security: as the daily rows (migration 0029).
ALTER TABLE report_weekly_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_weekly_counts_select ON report_weekly_counts FOR SELECT TO sigap_app
  USING (area_code LIKE ANY ((SELECT sigap_scope_patterns())::text[]));
ALTER TABLE report_weekly_vulnerable ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_weekly_vulnerable_select ON report_weekly_vulnerable FOR SELECT TO sigap_app
  USING (area_code LIKE ANY ((SELECT sigap_scope_patterns())::text[]));
GRANT SELECT ON report_weekly_counts, report_weekly_vulnerable TO sigap_app;

-- What the evaluation reads of a report, kept where a year of reports can be read fast
-- (docs/EVALUATION.md "Performance", docs/decisions/0010).
--
-- 1. Signals before incidents, kept as reports arrive. Each incident (kejadian) knows the latest signal
--    (sinyal) before it in the same place, and each signal the earliest incident after it. "Incidents with a
--    signal in the 30 days before" and "signals followed by an incident within 30 days" are then plain
--    conditions on a row, not window passes over a year of reports. The place is the kecamatan, or the region
--    itself when it lies above one (a kab/kota-level report).
-- 2. Whether vulnerable people were harmed or displaced, and the minutes to acknowledge, as stored columns.
-- 3. One narrow index holding every column the report figures read, so that a province's year is an
--    index-only scan of about 100 bytes a report instead of a pass over the whole rows; and one on the time
--    bucket of the acknowledgement, so that the exact percentiles fetch only the buckets holding their ranks.

ALTER TABLE reports
  ADD COLUMN prior_signal_at timestamptz,
  ADD COLUMN next_incident_at timestamptz;
COMMENT ON COLUMN reports.prior_signal_at IS
  'Kejadian only: occurred_at of the latest sinyal strictly before it in the same place (kecamatan, else region).';
COMMENT ON COLUMN reports.next_incident_at IS
  'Sinyal only: occurred_at of the earliest kejadian strictly after it in the same place (kecamatan, else region).';

CREATE INDEX reports_place_kind_idx ON reports ((coalesce(kecamatan_code, region_code)), kind, occurred_at);

-- The triage's P1 reasons for vulnerable people hurt or killed, or displaced (src/shared/reports/triage.ts).
ALTER TABLE reports
  ADD COLUMN is_harmed boolean GENERATED ALWAYS AS (priority_reasons && ARRAY[
    'vulnerable_harmed:lansia', 'vulnerable_displaced:lansia', 'vulnerable_harmed:anak', 'vulnerable_displaced:anak',
    'vulnerable_harmed:fakir_miskin', 'vulnerable_displaced:fakir_miskin', 'vulnerable_harmed:ibu_hamil',
    'vulnerable_displaced:ibu_hamil', 'vulnerable_harmed:disabilitas', 'vulnerable_displaced:disabilitas']::text[]) STORED,
  ADD COLUMN acknowledge_minutes double precision
    GENERATED ALWAYS AS (extract(epoch FROM acknowledged_at - created_at)::float8 / 60) STORED;
COMMENT ON COLUMN reports.is_harmed IS 'Vulnerable people hurt, killed or displaced (a P1 reason of the triage).';
COMMENT ON COLUMN reports.acknowledge_minutes IS 'Minutes from the report''s arrival to its acknowledgement; null until then.';

CREATE INDEX reports_evaluation_idx ON reports (occurred_at) INCLUDE (kabkota_code, kecamatan_code, region_code,
  kind, conflict_type, priority, has_vulnerable, is_harmed, created_at, acknowledge_minutes, prior_signal_at,
  next_incident_at);
-- The bucket is the evaluation's: 1% wide on a log scale (evaluation-timings.ts, BUCKET).
CREATE INDEX reports_acknowledge_bucket_idx ON reports ((floor(ln(1 + greatest(acknowledge_minutes, 0)) * 100)::int), kabkota_code)
  INCLUDE (occurred_at, priority, has_vulnerable, is_harmed, acknowledge_minutes)
  WHERE acknowledge_minutes IS NOT NULL;

-- Recomputes the links of every report of the given places (every place when null): after an amendment
-- moved a report in time, place or kind, and after bulk loads. Only rows whose links change are written.
CREATE FUNCTION sigap_relink_reports(places text[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE reports r SET prior_signal_at = l.prior_signal_at, next_incident_at = l.next_incident_at
  FROM (
    SELECT id,
      CASE WHEN kind = 'kejadian' THEN max(occurred_at) FILTER (WHERE kind = 'sinyal') OVER before_it END AS prior_signal_at,
      CASE WHEN kind = 'sinyal' THEN min(occurred_at) FILTER (WHERE kind = 'kejadian') OVER after_it END AS next_incident_at
    FROM reports
    WHERE places IS NULL OR coalesce(kecamatan_code, region_code) = ANY (places)
    WINDOW
      before_it AS (PARTITION BY coalesce(kecamatan_code, region_code) ORDER BY occurred_at
        RANGE BETWEEN UNBOUNDED PRECEDING AND interval '1 microsecond' PRECEDING),
      after_it AS (PARTITION BY coalesce(kecamatan_code, region_code) ORDER BY occurred_at
        RANGE BETWEEN interval '1 microsecond' FOLLOWING AND UNBOUNDED FOLLOWING)
  ) l
  WHERE r.id = l.id
    AND (r.prior_signal_at IS DISTINCT FROM l.prior_signal_at OR r.next_incident_at IS DISTINCT FROM l.next_incident_at)
$$;

-- A new report: its own link, and the neighbours it now stands between. A lock per place makes two reports
-- of one place arriving at once wait for each other, so neither misses the other.
CREATE FUNCTION sigap_link_new_report() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  place text := coalesce(NEW.kecamatan_code, NEW.region_code);
  bound timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(7303, hashtext(place));
  NEW.prior_signal_at := NULL;
  NEW.next_incident_at := NULL;
  IF NEW.kind = 'kejadian' THEN
    NEW.prior_signal_at := (
      SELECT max(occurred_at) FROM reports
      WHERE coalesce(kecamatan_code, region_code) = place AND kind = 'sinyal' AND occurred_at < NEW.occurred_at);
    -- Signals before the previous incident already have an earlier next incident: only later ones change.
    bound := coalesce((
      SELECT max(occurred_at) FROM reports
      WHERE coalesce(kecamatan_code, region_code) = place AND kind = 'kejadian' AND occurred_at < NEW.occurred_at),
      '-infinity');
    UPDATE reports SET next_incident_at = NEW.occurred_at
    WHERE coalesce(kecamatan_code, region_code) = place AND kind = 'sinyal'
      AND occurred_at >= bound AND occurred_at < NEW.occurred_at
      AND (next_incident_at IS NULL OR next_incident_at > NEW.occurred_at);
  ELSE
    NEW.next_incident_at := (
      SELECT min(occurred_at) FROM reports
      WHERE coalesce(kecamatan_code, region_code) = place AND kind = 'kejadian' AND occurred_at > NEW.occurred_at);
    -- Incidents after the next signal already have a later prior signal: only earlier ones change.
    bound := coalesce((
      SELECT min(occurred_at) FROM reports
      WHERE coalesce(kecamatan_code, region_code) = place AND kind = 'sinyal' AND occurred_at > NEW.occurred_at),
      'infinity');
    UPDATE reports SET prior_signal_at = NEW.occurred_at
    WHERE coalesce(kecamatan_code, region_code) = place AND kind = 'kejadian'
      AND occurred_at > NEW.occurred_at AND occurred_at <= bound
      AND (prior_signal_at IS NULL OR prior_signal_at < NEW.occurred_at);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER reports_link_new BEFORE INSERT ON reports
  FOR EACH ROW EXECUTE FUNCTION sigap_link_new_report();

-- An amendment that moves a report in time or place, or changes its kind: both places are recomputed.
CREATE FUNCTION sigap_relink_changed_report() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  places text[] := ARRAY(
    SELECT DISTINCT p FROM unnest(ARRAY[
      coalesce(OLD.kecamatan_code, OLD.region_code), coalesce(NEW.kecamatan_code, NEW.region_code)]) AS p
    ORDER BY p);
  place text;
BEGIN
  FOREACH place IN ARRAY places LOOP
    PERFORM pg_advisory_xact_lock(7303, hashtext(place));
  END LOOP;
  PERFORM sigap_relink_reports(places);
  RETURN NULL;
END $$;

CREATE TRIGGER reports_relink_changed AFTER UPDATE OF kind, occurred_at, region_code, kecamatan_code ON reports
  FOR EACH ROW
  WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.occurred_at IS DISTINCT FROM NEW.occurred_at
    OR coalesce(OLD.kecamatan_code, OLD.region_code) IS DISTINCT FROM coalesce(NEW.kecamatan_code, NEW.region_code))
  EXECUTE FUNCTION sigap_relink_changed_report();

SELECT sigap_relink_reports(NULL);

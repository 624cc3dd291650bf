-- Reports (laporan): field signals and incidents, their amendments, photos and duplicate suggestions.

CREATE TABLE sla_settings (
  priority text PRIMARY KEY CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  acknowledge_minutes integer NOT NULL CHECK (acknowledge_minutes > 0),
  response_minutes integer NOT NULL CHECK (response_minutes > 0),
  resolve_minutes integer NOT NULL CHECK (resolve_minutes > 0)
);
COMMENT ON TABLE sla_settings IS 'Deadlines per priority (admin edits): to acknowledge, to first field response, to resolve.';
INSERT INTO sla_settings VALUES
  ('P1', 30, 120, 7 * 24 * 60),
  ('P2', 120, 480, 14 * 24 * 60),
  ('P3', 480, 48 * 60, 30 * 24 * 60),
  ('P4', 24 * 60, 7 * 24 * 60, 60 * 24 * 60);

CREATE TABLE reports (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('sinyal', 'kejadian')),
  conflict_type text NOT NULL,
  triggers text[] NOT NULL DEFAULT '{}',
  groups_involved text NOT NULL DEFAULT '',
  region_code text NOT NULL REFERENCES regions (code),
  kabkota_code text NOT NULL,
  kecamatan_code text,
  latitude double precision,
  longitude double precision,
  occurred_at timestamptz NOT NULL,
  violence_ongoing boolean NOT NULL DEFAULT false,
  description text NOT NULL,
  involved integer NOT NULL DEFAULT 0,
  injured integer NOT NULL DEFAULT 0,
  dead integer NOT NULL DEFAULT 0,
  displaced integer NOT NULL DEFAULT 0,
  houses_damaged integer NOT NULL DEFAULT 0,
  vulnerable jsonb NOT NULL DEFAULT '{}',
  has_vulnerable boolean NOT NULL DEFAULT false,
  needs text[] NOT NULL DEFAULT '{}',
  channel text NOT NULL DEFAULT 'web',
  reporter_id uuid NOT NULL REFERENCES users (id),
  status text NOT NULL DEFAULT 'baru' CHECK (status IN ('baru', 'terverifikasi', 'ditolak', 'duplikat')),
  status_reason text,
  duplicate_of uuid REFERENCES reports (id),
  priority text NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  priority_rank smallint NOT NULL,
  priority_reasons text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  content_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users (id),
  verified_at timestamptz,
  verified_by uuid REFERENCES users (id),
  due_acknowledge_at timestamptz NOT NULL,
  handling_level text NOT NULL DEFAULT 'kabkota' CHECK (handling_level IN ('kabkota', 'bakorwil', 'provinsi')),
  escalated_at timestamptz,
  case_id uuid,
  dedup_checked_at timestamptz,
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('indonesian'::regconfig, description || ' ' || groups_involved)
  ) STORED,
  CHECK (latitude IS NULL OR (latitude BETWEEN -8.9 AND -5.0 AND longitude BETWEEN 110.8 AND 116.3))
);
COMMENT ON TABLE reports IS 'Laporan: sinyal kerawanan or kejadian konflik. Belongs to the region where it happens.';
COMMENT ON COLUMN reports.content_hash IS 'SHA-256 of the submitted content: a retry with the same id and content is the same report.';
CREATE INDEX reports_inbox_idx ON reports (kabkota_code, priority_rank, created_at DESC, id);
CREATE INDEX reports_kecamatan_idx ON reports (kecamatan_code, created_at DESC);
CREATE INDEX reports_reporter_idx ON reports (reporter_id, created_at DESC);
CREATE INDEX reports_search_idx ON reports USING gin (search);
CREATE INDEX reports_description_trgm_idx ON reports USING gin (description gin_trgm_ops);
CREATE INDEX reports_unacknowledged_idx ON reports (due_acknowledge_at) WHERE acknowledged_at IS NULL;
CREATE INDEX reports_undeduplicated_idx ON reports (created_at) WHERE dedup_checked_at IS NULL;

CREATE TABLE report_amendments (
  id bigserial PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES reports (id),
  version integer NOT NULL,
  changed_by uuid NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changes jsonb NOT NULL,
  UNIQUE (report_id, version)
);
COMMENT ON TABLE report_amendments IS 'History of a report: each amendment with the values before and after.';

CREATE TABLE report_photos (
  id uuid PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES reports (id),
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  byte_size integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE report_photos IS 'Photos, metadata stripped, stored in the database so every app instance serves them.';
CREATE INDEX report_photos_report_idx ON report_photos (report_id);

CREATE TABLE duplicate_suggestions (
  report_id uuid NOT NULL REFERENCES reports (id),
  candidate_id uuid NOT NULL REFERENCES reports (id),
  similarity real NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, candidate_id)
);
COMMENT ON TABLE duplicate_suggestions IS 'Possible duplicates found after intake: same kecamatan and type, within 48 hours, similar text.';

-- ── Row-level security: the visibility model (docs/ARCHITECTURE.md) ─────────────────────────
CREATE FUNCTION sigap_can_see_report(r_region text, r_reporter uuid, r_id uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT sigap_in_scope(r_region) OR r_reporter = sigap_user_id() OR sigap_granted('report', r_id)
$$;

ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY reports_select ON reports FOR SELECT TO sigap_app
  USING (sigap_can_see_report(region_code, reporter_id, id));
CREATE POLICY reports_insert ON reports FOR INSERT TO sigap_app
  WITH CHECK (reporter_id = sigap_user_id() AND sigap_role() IN ('relawan', 'operator', 'koordinator', 'provinsi', 'admin'));
CREATE POLICY reports_update ON reports FOR UPDATE TO sigap_app
  USING (sigap_can_see_report(region_code, reporter_id, id))
  WITH CHECK (sigap_can_see_report(region_code, reporter_id, id));

ALTER TABLE report_amendments ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_amendments_all ON report_amendments FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));

ALTER TABLE report_photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_photos_all ON report_photos FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));

ALTER TABLE duplicate_suggestions ENABLE ROW LEVEL SECURITY;
CREATE POLICY duplicate_suggestions_select ON duplicate_suggestions FOR SELECT TO sigap_app
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));

GRANT SELECT ON sla_settings TO sigap_app;
GRANT SELECT, INSERT, UPDATE ON reports TO sigap_app;
GRANT SELECT, INSERT ON report_amendments TO sigap_app;
GRANT USAGE ON SEQUENCE report_amendments_id_seq TO sigap_app;
GRANT SELECT, INSERT ON report_photos TO sigap_app;
GRANT SELECT ON duplicate_suggestions TO sigap_app;

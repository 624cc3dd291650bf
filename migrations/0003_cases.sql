-- Cases (kasus) along UU 7/2012's phases: assignments, dispositions, follow-ups, vulnerable people, referrals,
-- escalation and the notification inbox.

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  kabkota_code text NOT NULL,
  conflict_type text NOT NULL,
  phase text NOT NULL DEFAULT 'pencegahan' CHECK (phase IN ('pencegahan', 'penghentian', 'pemulihan', 'selesai')),
  recovery_steps text[] NOT NULL DEFAULT '{}',
  outcome text,
  summary text NOT NULL DEFAULT '',
  priority text NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  has_vulnerable boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  due_response_at timestamptz NOT NULL,
  due_resolve_at timestamptz NOT NULL,
  first_response_at timestamptz,
  handling_level text NOT NULL DEFAULT 'kabkota' CHECK (handling_level IN ('kabkota', 'bakorwil', 'provinsi')),
  escalated_at timestamptz,
  escalation_reason text
);
COMMENT ON TABLE cases IS 'Kasus: handled along pencegahan → penghentian → pemulihan → selesai (UU 7/2012).';
COMMENT ON COLUMN cases.recovery_steps IS 'Pemulihan sub-steps done: rekonsiliasi, rehabilitasi, rekonstruksi.';
CREATE INDEX cases_board_idx ON cases (kabkota_code, phase, created_at DESC);
CREATE INDEX cases_open_due_idx ON cases (due_response_at) WHERE closed_at IS NULL;

ALTER TABLE reports ADD CONSTRAINT reports_case_fk FOREIGN KEY (case_id) REFERENCES cases (id);
CREATE INDEX reports_case_idx ON reports (case_id);

CREATE TABLE case_timeline (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id),
  kind text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE case_timeline IS 'What happened to a case, in order: reports attached, phase changes, assignments, escalations…';
CREATE INDEX case_timeline_case_idx ON case_timeline (case_id, at);

CREATE TABLE assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  user_id uuid NOT NULL REFERENCES users (id),
  assigned_by uuid NOT NULL REFERENCES users (id),
  task text NOT NULL DEFAULT '',
  due_at timestamptz,
  status text NOT NULL DEFAULT 'ditugaskan' CHECK (status IN ('ditugaskan', 'selesai', 'dibatalkan')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, user_id)
);
COMMENT ON TABLE assignments IS 'A person (a pillar with a user account) assigned to a case; the assignment is also a visibility grant.';

CREATE TABLE dispositions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  agency_id text NOT NULL REFERENCES agencies (id),
  instruction text NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'terkirim' CHECK (status IN ('terkirim', 'diterima', 'selesai', 'ditolak')),
  answer text,
  answered_at timestamptz,
  answered_by uuid REFERENCES users (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE dispositions IS 'A request to a partner agency (Polres, Kesbangpol, BPBD, FKUB…) for its part of a case.';
CREATE INDEX dispositions_agency_idx ON dispositions (agency_id, status);

CREATE TABLE follow_ups (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  author_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('tindak_lanjut', 'check_in', 'check_out')),
  action text NOT NULL,
  occurred_at timestamptz NOT NULL,
  region_code text REFERENCES regions (code),
  latitude double precision,
  longitude double precision,
  content_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE follow_ups IS 'Tindak lanjut: who did what, when, where. Client ids make offline retries idempotent.';
CREATE INDEX follow_ups_case_idx ON follow_ups (case_id, occurred_at);

CREATE TABLE case_photos (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  follow_up_id uuid REFERENCES follow_ups (id),
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  byte_size integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE vulnerable_people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  full_name text NOT NULL,
  nik text,
  age integer CHECK (age BETWEEN 0 AND 130),
  vulnerable_group text NOT NULL CHECK (vulnerable_group IN ('lansia', 'anak', 'fakir_miskin', 'ibu_hamil', 'disabilitas')),
  needs text[] NOT NULL DEFAULT '{}',
  guardian_name text,
  guardian_consent boolean NOT NULL DEFAULT false,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (vulnerable_group <> 'anak' OR guardian_consent)
);
COMMENT ON TABLE vulnerable_people IS 'Named vulnerable people of a case: personal data (UU 27/2022), shown only to handlers.';

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES vulnerable_people (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  service text NOT NULL CHECK (service IN ('rehabilitasi_sosial', 'dukungan_psikososial', 'logistik', 'kesehatan', 'lainnya')),
  provider text NOT NULL DEFAULT '',
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'dirujuk' CHECK (status IN ('dirujuk', 'diterima', 'selesai', 'batal')),
  note text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
COMMENT ON TABLE referrals IS 'Referrals of vulnerable people to services, tracked to completion.';

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
COMMENT ON TABLE notifications IS 'The inbox of each user: no personal data, only what happened and where.';
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- ── Row-level security ────────────────────────────────────────────────────────────────────────
CREATE FUNCTION sigap_can_see_case(c_region text, c_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT sigap_in_scope(c_region) OR sigap_granted('case', c_id)
$$;

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_select ON cases FOR SELECT TO sigap_app USING (sigap_can_see_case(region_code, id));
CREATE POLICY cases_insert ON cases FOR INSERT TO sigap_app
  WITH CHECK (sigap_in_scope(region_code) AND created_by = sigap_user_id());
CREATE POLICY cases_update ON cases FOR UPDATE TO sigap_app
  USING (sigap_can_see_case(region_code, id)) WITH CHECK (sigap_can_see_case(region_code, id));

-- Rows that belong to a case are visible with their case; a partner agency sees only its own dispositions.
ALTER TABLE case_timeline ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_timeline_all ON case_timeline FOR ALL TO sigap_app
  USING (sigap_role() <> 'mitra' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY assignments_all ON assignments FOR ALL TO sigap_app
  USING (sigap_role() <> 'mitra' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE dispositions ENABLE ROW LEVEL SECURITY;
CREATE POLICY dispositions_all ON dispositions FOR ALL TO sigap_app
  USING (
    CASE WHEN sigap_role() = 'mitra' THEN agency_id = nullif(current_setting('sigap.agency_id', true), '')
         ELSE EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id) END)
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE follow_ups ENABLE ROW LEVEL SECURITY;
CREATE POLICY follow_ups_all ON follow_ups FOR ALL TO sigap_app
  USING (sigap_role() <> 'mitra' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE case_photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_photos_all ON case_photos FOR ALL TO sigap_app
  USING (sigap_role() <> 'mitra' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE vulnerable_people ENABLE ROW LEVEL SECURITY;
CREATE POLICY vulnerable_people_all ON vulnerable_people FOR ALL TO sigap_app
  USING (sigap_role() <> 'mitra' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
CREATE POLICY referrals_all ON referrals FOR ALL TO sigap_app
  USING (sigap_role() <> 'mitra' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_own ON notifications FOR ALL TO sigap_app
  USING (user_id = sigap_user_id()) WITH CHECK (user_id = sigap_user_id());

GRANT SELECT, INSERT, UPDATE ON cases, assignments, dispositions, vulnerable_people, referrals TO sigap_app;
GRANT SELECT, INSERT ON case_timeline, follow_ups, case_photos TO sigap_app;
GRANT USAGE ON SEQUENCE case_timeline_id_seq TO sigap_app;
GRANT SELECT, UPDATE ON notifications TO sigap_app;

-- Grants: anyone may read them (the visibility functions do), but an actor may only add a grant on a record
-- they can already see, so nobody widens their own view.
ALTER FUNCTION sigap_granted(text, uuid) SECURITY DEFINER SET search_path = public, pg_temp;
ALTER TABLE grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY grants_select ON grants FOR SELECT TO sigap_app USING (true);
CREATE POLICY grants_insert ON grants FOR INSERT TO sigap_app WITH CHECK (
  sigap_role() IN ('operator', 'koordinator', 'provinsi', 'admin')
  AND ((subject_type = 'case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = subject_id))
    OR (subject_type = 'report' AND EXISTS (SELECT 1 FROM reports r WHERE r.id = subject_id))));
CREATE POLICY grants_delete ON grants FOR DELETE TO sigap_app USING (
  sigap_role() IN ('operator', 'koordinator', 'provinsi', 'admin')
  AND ((subject_type = 'case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = subject_id))
    OR (subject_type = 'report' AND EXISTS (SELECT 1 FROM reports r WHERE r.id = subject_id))));

-- Notifications go to other people's inboxes; the app role may only do that through this function.
CREATE FUNCTION sigap_notify(p_user_ids uuid[], p_kind text, p_subject_type text, p_subject_id uuid,
  p_title text, p_body text) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH added AS (
    INSERT INTO notifications (user_id, kind, subject_type, subject_id, title, body)
    SELECT DISTINCT u, p_kind, p_subject_type, p_subject_id, p_title, coalesce(p_body, '')
    FROM unnest(p_user_ids) AS u
    RETURNING 1
  ) SELECT count(*)::int FROM added
$$;
REVOKE ALL ON FUNCTION sigap_notify(uuid[], text, text, uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_notify(uuid[], text, text, uuid, text, text) TO sigap_app;

-- Evaluation and learning: quarterly workshops (rapat koordinasi / workshop evaluasi) with participants,
-- attendance, materials and action items; lessons learned (praktik baik) searchable in Indonesian; and the
-- evaluation reports generated as PDF/XLSX, kept with their parameters.

-- The evaluation reads the reports of an area by time with reports_early_warning_idx (0006), and cases by
-- when they were opened or closed.
CREATE INDEX cases_evaluation_idx ON cases (kabkota_code, created_at);
-- Recurrence: a new incident in the same desa within 90 days of a case closing.
CREATE INDEX reports_incident_place_idx ON reports (region_code, occurred_at) WHERE kind = 'kejadian';
CREATE INDEX cases_closed_idx ON cases (kabkota_code, closed_at) WHERE closed_at IS NOT NULL;

-- True when every kab/kota of an area (one kab/kota, or a Bakorwil's members) lies in the actor's scope.
CREATE FUNCTION sigap_area_in_scope(p_bakorwil_id text, p_kabkota_code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN p_kabkota_code IS NOT NULL THEN sigap_in_scope(p_kabkota_code)
    ELSE EXISTS (SELECT 1 FROM bakorwil_members m WHERE m.bakorwil_id = p_bakorwil_id)
      AND NOT EXISTS (SELECT 1 FROM bakorwil_members m WHERE m.bakorwil_id = p_bakorwil_id
                      AND NOT sigap_in_scope(m.kabkota_code))
  END
$$;

-- True when some kab/kota of the area lies in the actor's scope (an operator sees their Bakorwil's workshops).
CREATE FUNCTION sigap_area_touches_scope(p_bakorwil_id text, p_kabkota_code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN p_kabkota_code IS NOT NULL THEN sigap_in_scope(p_kabkota_code)
    ELSE EXISTS (SELECT 1 FROM bakorwil_members m WHERE m.bakorwil_id = p_bakorwil_id
                 AND sigap_in_scope(m.kabkota_code))
  END
$$;

-- ── Workshops ─────────────────────────────────────────────────────────────────────────────────
CREATE TABLE workshops (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  topic text NOT NULL,
  starts_at timestamptz NOT NULL,
  place text NOT NULL,
  bakorwil_id text REFERENCES bakorwil (id),
  kabkota_code text REFERENCES regions (code),
  facilitators text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'direncanakan' CHECK (status IN ('direncanakan', 'terlaksana', 'batal')),
  notes text NOT NULL DEFAULT '',
  evaluation_scope text,
  evaluation_from date,
  evaluation_to date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(bakorwil_id, kabkota_code) = 1),
  CHECK ((evaluation_from IS NULL) = (evaluation_to IS NULL) AND (evaluation_from IS NULL) = (evaluation_scope IS NULL)),
  CHECK (evaluation_from IS NULL OR evaluation_from <= evaluation_to)
);
COMMENT ON TABLE workshops IS 'Rapat koordinasi / workshop evaluasi of a Bakorwil or a kab/kota: at least quarterly (the article).';
COMMENT ON COLUMN workshops.evaluation_scope IS 'The evaluation the workshop discusses: scope (region code or Bakorwil id) and WIB dates.';
CREATE INDEX workshops_area_idx ON workshops (bakorwil_id, kabkota_code, starts_at DESC);

CREATE TABLE workshop_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id),
  -- A pillar of the registry (0004); no foreign key so this table does not depend on the registry's schema.
  pillar_id uuid,
  name text NOT NULL,
  role_label text NOT NULL DEFAULT '',
  kabkota_code text REFERENCES regions (code),
  attendance text NOT NULL DEFAULT 'diundang' CHECK (attendance IN ('diundang', 'hadir', 'tidak_hadir')),
  attendance_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(user_id, pillar_id) <= 1)
);
COMMENT ON TABLE workshop_participants IS 'Invited people (users or registry pillars) and whether they attended.';
CREATE UNIQUE INDEX workshop_participants_user_idx ON workshop_participants (workshop_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX workshop_participants_pillar_idx ON workshop_participants (workshop_id, pillar_id) WHERE pillar_id IS NOT NULL;

CREATE TABLE workshop_materials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  byte_size integer NOT NULL CHECK (byte_size > 0 AND byte_size <= 10485760),
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE workshop_materials IS 'Slides and handouts of a workshop, at most 10 MB each, in the database so every instance serves them.';
CREATE INDEX workshop_materials_workshop_idx ON workshop_materials (workshop_id);

CREATE TABLE workshop_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  description text NOT NULL,
  owner_user_id uuid REFERENCES users (id),
  owner_name text NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka', 'selesai', 'batal')),
  done_note text,
  done_at timestamptz,
  done_by uuid REFERENCES users (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE workshop_actions IS 'Outcomes of a workshop as action items: an owner and a due date, tracked until done.';
CREATE INDEX workshop_actions_open_idx ON workshop_actions (due_on) WHERE status = 'terbuka';

CREATE TABLE workshop_reminders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bakorwil_id text NOT NULL REFERENCES bakorwil (id),
  quarter text NOT NULL CHECK (quarter ~ '^\d{4}-Q[1-4]$'),
  recipients integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bakorwil_id, quarter)
);
COMMENT ON TABLE workshop_reminders IS 'One reminder per Bakorwil and quarter without a workshop, to its koordinator and the province.';

-- ── Lessons learned (praktik baik) ────────────────────────────────────────────────────────────
-- Immutable so it can feed a generated column (array_to_string is only stable in general, not for text[]).
CREATE FUNCTION sigap_lesson_document(p_title text, p_body text, p_tags text[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('indonesian'::regconfig, coalesce(p_title, '')), 'A')
      || setweight(to_tsvector('indonesian'::regconfig, coalesce(array_to_string(p_tags, ' '), '')), 'A')
      || setweight(to_tsvector('indonesian'::regconfig, coalesce(p_body, '')), 'B')
$$;

CREATE TABLE lessons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  situation text NOT NULL,
  actions_taken text NOT NULL,
  what_worked text NOT NULL,
  what_to_avoid text NOT NULL,
  conflict_type text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  kabkota_code text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'diajukan', 'terbit')),
  review_note text,
  version integer NOT NULL DEFAULT 1,
  author_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  published_at timestamptz,
  published_by uuid REFERENCES users (id),
  search tsvector GENERATED ALWAYS AS (
    sigap_lesson_document(title, situation || ' ' || actions_taken || ' ' || what_worked || ' ' || what_to_avoid, tags)
  ) STORED
);
COMMENT ON TABLE lessons IS 'Praktik baik: draft by an operator or coordinator, published after review; published ones are read province-wide.';
COMMENT ON COLUMN lessons.search IS 'Indonesian full-text document: title and tags weigh A, the body B (stemmed: pengungsian ~ mengungsi).';
CREATE INDEX lessons_search_idx ON lessons USING gin (search);
CREATE INDEX lessons_status_idx ON lessons (status, published_at DESC);

CREATE TABLE lesson_cases (
  lesson_id uuid NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases (id),
  PRIMARY KEY (lesson_id, case_id)
);
COMMENT ON TABLE lesson_cases IS 'The cases a lesson was learned from (ids only; the case stays behind its own visibility).';

-- ── Generated evaluation reports ──────────────────────────────────────────────────────────────
CREATE TABLE generated_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  format text NOT NULL CHECK (format IN ('pdf', 'xlsx')),
  scope text NOT NULL,
  scope_kabkota text[] NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  status text NOT NULL DEFAULT 'antri' CHECK (status IN ('antri', 'berjalan', 'selesai', 'gagal')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  step text NOT NULL DEFAULT '',
  file_name text,
  content_type text,
  bytes bytea,
  byte_size integer,
  error text,
  requested_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CHECK (period_from <= period_to)
);
COMMENT ON TABLE generated_reports IS 'Evaluation files (PDF/XLSX) with the parameters they were made from, so the same file can be fetched again.';
CREATE INDEX generated_reports_params_idx ON generated_reports (scope, period_from, period_to, format, created_at DESC);

-- ── Row-level security ────────────────────────────────────────────────────────────────────────
-- SECURITY DEFINER: reads the invitations without their own policy, which in turn reads workshops (no recursion).
CREATE FUNCTION sigap_invited_to_workshop(w_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM workshop_participants p WHERE p.workshop_id = w_id AND p.user_id = sigap_user_id())
$$;
REVOKE ALL ON FUNCTION sigap_invited_to_workshop(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_invited_to_workshop(uuid) TO sigap_app;

CREATE FUNCTION sigap_can_see_workshop(w_id uuid, w_bakorwil text, w_kabkota text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT sigap_area_touches_scope(w_bakorwil, w_kabkota) OR sigap_invited_to_workshop(w_id)
$$;

-- Who plans and runs a workshop: a staff role whose scope holds the whole area (an operator: their kab/kota).
CREATE FUNCTION sigap_runs_workshop(w_bakorwil text, w_kabkota text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT sigap_role() IN ('operator', 'koordinator', 'provinsi', 'admin') AND sigap_area_in_scope(w_bakorwil, w_kabkota)
$$;

ALTER TABLE workshops ENABLE ROW LEVEL SECURITY;
CREATE POLICY workshops_select ON workshops FOR SELECT TO sigap_app
  USING (sigap_can_see_workshop(id, bakorwil_id, kabkota_code));
CREATE POLICY workshops_insert ON workshops FOR INSERT TO sigap_app
  WITH CHECK (sigap_runs_workshop(bakorwil_id, kabkota_code) AND created_by = sigap_user_id());
CREATE POLICY workshops_update ON workshops FOR UPDATE TO sigap_app
  USING (sigap_runs_workshop(bakorwil_id, kabkota_code)) WITH CHECK (sigap_runs_workshop(bakorwil_id, kabkota_code));

-- Rows of a workshop are read with it and written by whoever runs it; an invited user reads their own row.
ALTER TABLE workshop_participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY workshop_participants_select ON workshop_participants FOR SELECT TO sigap_app
  USING (user_id = sigap_user_id() OR EXISTS (SELECT 1 FROM workshops w WHERE w.id = workshop_id
         AND sigap_area_touches_scope(w.bakorwil_id, w.kabkota_code)));
CREATE POLICY workshop_participants_write ON workshop_participants FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM workshops w WHERE w.id = workshop_id AND sigap_runs_workshop(w.bakorwil_id, w.kabkota_code)))
  WITH CHECK (EXISTS (SELECT 1 FROM workshops w WHERE w.id = workshop_id AND sigap_runs_workshop(w.bakorwil_id, w.kabkota_code)));

ALTER TABLE workshop_materials ENABLE ROW LEVEL SECURITY;
CREATE POLICY workshop_materials_select ON workshop_materials FOR SELECT TO sigap_app
  USING (EXISTS (SELECT 1 FROM workshops w WHERE w.id = workshop_id));
CREATE POLICY workshop_materials_insert ON workshop_materials FOR INSERT TO sigap_app
  WITH CHECK (EXISTS (SELECT 1 FROM workshops w WHERE w.id = workshop_id AND sigap_runs_workshop(w.bakorwil_id, w.kabkota_code)));

ALTER TABLE workshop_actions ENABLE ROW LEVEL SECURITY;
CREATE POLICY workshop_actions_select ON workshop_actions FOR SELECT TO sigap_app
  USING (owner_user_id = sigap_user_id() OR EXISTS (SELECT 1 FROM workshops w WHERE w.id = workshop_id));
CREATE POLICY workshop_actions_insert ON workshop_actions FOR INSERT TO sigap_app
  WITH CHECK (EXISTS (SELECT 1 FROM workshops w WHERE w.id = workshop_id AND sigap_runs_workshop(w.bakorwil_id, w.kabkota_code)));
-- The owner marks their own item done; whoever runs the workshop may too.
CREATE POLICY workshop_actions_update ON workshop_actions FOR UPDATE TO sigap_app
  USING (owner_user_id = sigap_user_id()
         OR EXISTS (SELECT 1 FROM workshops w WHERE w.id = workshop_id AND sigap_runs_workshop(w.bakorwil_id, w.kabkota_code)))
  WITH CHECK (true);

-- Lessons: published ones for every signed-in user; drafts for their author and the reviewers of the region.
CREATE FUNCTION sigap_reviews_lessons(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT sigap_role() IN ('koordinator', 'provinsi', 'admin') AND sigap_in_scope(code)
$$;

ALTER TABLE lessons ENABLE ROW LEVEL SECURITY;
CREATE POLICY lessons_select ON lessons FOR SELECT TO sigap_app
  USING ((status = 'terbit' AND sigap_user_id() IS NOT NULL) OR author_id = sigap_user_id()
         OR sigap_reviews_lessons(region_code));
CREATE POLICY lessons_insert ON lessons FOR INSERT TO sigap_app
  WITH CHECK (author_id = sigap_user_id() AND sigap_role() IN ('operator', 'koordinator', 'provinsi', 'admin')
              AND sigap_in_scope(region_code));
CREATE POLICY lessons_update ON lessons FOR UPDATE TO sigap_app
  USING (author_id = sigap_user_id() OR sigap_reviews_lessons(region_code))
  WITH CHECK (sigap_in_scope(region_code));

ALTER TABLE lesson_cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY lesson_cases_select ON lesson_cases FOR SELECT TO sigap_app
  USING (EXISTS (SELECT 1 FROM lessons l WHERE l.id = lesson_id));
-- A case may be linked only by someone who sees both the lesson (as its author or reviewer) and the case.
CREATE POLICY lesson_cases_insert ON lesson_cases FOR INSERT TO sigap_app
  WITH CHECK (EXISTS (SELECT 1 FROM lessons l WHERE l.id = lesson_id AND (l.author_id = sigap_user_id() OR sigap_reviews_lessons(l.region_code)))
              AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
CREATE POLICY lesson_cases_delete ON lesson_cases FOR DELETE TO sigap_app
  USING (EXISTS (SELECT 1 FROM lessons l WHERE l.id = lesson_id AND (l.author_id = sigap_user_id() OR sigap_reviews_lessons(l.region_code))));

-- Generated reports: their requester, and anyone whose scope holds every kab/kota they cover (same figures).
ALTER TABLE generated_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY generated_reports_select ON generated_reports FOR SELECT TO sigap_app
  USING (requested_by = sigap_user_id()
         OR (sigap_role() IN ('operator', 'koordinator', 'provinsi', 'admin')
             AND NOT EXISTS (SELECT 1 FROM unnest(scope_kabkota) k WHERE NOT sigap_in_scope(k))));
CREATE POLICY generated_reports_insert ON generated_reports FOR INSERT TO sigap_app
  WITH CHECK (requested_by = sigap_user_id());
CREATE POLICY generated_reports_update ON generated_reports FOR UPDATE TO sigap_app
  USING (requested_by = sigap_user_id()) WITH CHECK (requested_by = sigap_user_id());

GRANT SELECT, INSERT, UPDATE ON workshops, workshop_actions, lessons, generated_reports TO sigap_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON workshop_participants, lesson_cases TO sigap_app;
GRANT SELECT, INSERT ON workshop_materials TO sigap_app;
GRANT SELECT ON workshop_reminders TO sigap_app;

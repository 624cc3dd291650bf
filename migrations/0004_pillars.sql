-- Social pillars (pilar sosial): the registry, its editable lists, coverage targets and spreadsheet imports.
-- NIK is stored encrypted (AES-256-GCM) with a keyed hash (HMAC-SHA256) for matching; the key lives outside
-- the database (SIGAP_DATA_KEY, or <DATA_DIR>/data-key on the embedded database).

-- ── Editable lists ────────────────────────────────────────────────────────────────────────────
CREATE TABLE pillar_types (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label text NOT NULL,
  sort_order integer NOT NULL DEFAULT 100,
  is_active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE pillar_types IS 'Kinds of social pillar (Tagana, TKSK, Pordam …); the admin edits the list, codes never change.';
INSERT INTO pillar_types (code, label, sort_order) VALUES
  ('tagana', 'Tagana (Taruna Siaga Bencana)', 10),
  ('tksk', 'TKSK (Tenaga Kesejahteraan Sosial Kecamatan)', 20),
  ('pordam', 'Pordam (Pelopor Perdamaian)', 30),
  ('jsc', 'Jatim Social Care', 40),
  ('sahabat_tagana', 'Sahabat Tagana', 50),
  ('psm', 'PSM (Pekerja Sosial Masyarakat)', 60),
  ('karang_taruna', 'Karang Taruna', 70),
  ('relawan', 'Relawan lain', 80);

CREATE TABLE pillar_skills (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label text NOT NULL,
  sort_order integer NOT NULL DEFAULT 100,
  is_active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE pillar_skills IS 'Skills a pillar may have (mediasi, dukungan psikososial …); the admin edits the list.';
INSERT INTO pillar_skills (code, label, sort_order) VALUES
  ('mediasi', 'Mediasi', 10),
  ('psikososial', 'Dukungan psikososial', 20),
  ('evakuasi', 'Evakuasi', 30),
  ('pertolongan_pertama', 'Pertolongan pertama', 40),
  ('dapur_umum', 'Dapur umum', 50),
  ('pendataan', 'Pendataan / asesmen', 60),
  ('komunikasi_radio', 'Komunikasi radio', 70),
  ('pendampingan_anak', 'Pendampingan anak', 80);

-- ── The registry ──────────────────────────────────────────────────────────────────────────────
CREATE TABLE pillars (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pillar_type text NOT NULL REFERENCES pillar_types (code),
  name text NOT NULL,
  name_key text NOT NULL,
  nik_encrypted bytea,
  nik_hash text UNIQUE,
  phone text,
  home_region_code text NOT NULL REFERENCES regions (code),
  kabkota_code text GENERATED ALWAYS AS (left(home_region_code, 5)) STORED,
  kecamatan_code text GENERATED ALWAYS AS (left(home_region_code, 8)) STORED,
  skills text[] NOT NULL DEFAULT '{}',
  trainings jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'nonaktif')),
  availability text NOT NULL DEFAULT 'siaga' CHECK (availability IN ('siaga', 'libur')),
  availability_until timestamptz,
  user_id uuid UNIQUE REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((nik_encrypted IS NULL) = (nik_hash IS NULL)),
  CHECK (home_region_code ~ '^35\.\d{2}\.\d{2}\.\d{4}$')
);
COMMENT ON TABLE pillars IS 'Pilar sosial: one person, their home desa, skills, trainings, status and availability.';
COMMENT ON COLUMN pillars.name_key IS 'The name as searched and matched: lower case, old spellings and Muhammad variants folded.';
COMMENT ON COLUMN pillars.nik_encrypted IS 'AES-256-GCM of the 16-digit NIK (version byte, IV, tag, ciphertext). Never shown unmasked except to the registry''s managers.';
COMMENT ON COLUMN pillars.nik_hash IS 'HMAC-SHA256 of the NIK under the data key: finds the same person without decrypting.';
COMMENT ON COLUMN pillars.phone IS 'Normalised to +62…; masked for everyone but the registry''s managers.';
COMMENT ON COLUMN pillars.availability_until IS 'When set, availability holds until then and flips afterwards (libur until Friday, then siaga).';
CREATE INDEX pillars_home_idx ON pillars (kabkota_code, kecamatan_code, home_region_code);
CREATE INDEX pillars_coverage_idx ON pillars (pillar_type, status, home_region_code);
CREATE INDEX pillars_phone_idx ON pillars (phone);
CREATE INDEX pillars_name_trgm_idx ON pillars USING gin (name_key gin_trgm_ops);
CREATE INDEX pillars_skills_idx ON pillars USING gin (skills);

-- ── Coverage targets ──────────────────────────────────────────────────────────────────────────
CREATE TABLE pillar_coverage_targets (
  pillar_type text NOT NULL REFERENCES pillar_types (code),
  area_level text NOT NULL CHECK (area_level IN ('kabkota', 'kecamatan', 'desa')),
  per_area integer NOT NULL CHECK (per_area >= 0 AND per_area <= 10000),
  PRIMARY KEY (pillar_type, area_level)
);
COMMENT ON TABLE pillar_coverage_targets IS 'How many active pillars of a type each area of a level should have (admin edits).';
INSERT INTO pillar_coverage_targets VALUES
  ('tksk', 'kecamatan', 1),
  ('pordam', 'kecamatan', 3),
  ('sahabat_tagana', 'desa', 1),
  ('tagana', 'kecamatan', 5);

-- ── Spreadsheet imports ───────────────────────────────────────────────────────────────────────
CREATE TABLE pillar_imports (
  id uuid PRIMARY KEY,
  kabkota_code text NOT NULL REFERENCES regions (code),
  default_type text REFERENCES pillar_types (code),
  created_by uuid NOT NULL REFERENCES users (id),
  status text NOT NULL DEFAULT 'berjalan' CHECK (status IN ('berjalan', 'selesai', 'gagal', 'terputus')),
  total_rows integer NOT NULL,
  processed_rows integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  skipped_count integer NOT NULL DEFAULT 0,
  report jsonb NOT NULL DEFAULT '[]',
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
COMMENT ON TABLE pillar_imports IS 'One real import of a roster: progress per chunk and the per-row report (row numbers, actions and reason codes; no personal data).';
CREATE INDEX pillar_imports_kabkota_idx ON pillar_imports (kabkota_code, created_at DESC);

-- ── Row-level security ────────────────────────────────────────────────────────────────────────
-- The registry's managers: operators for their kab/kota, provinsi and admin province-wide.
CREATE FUNCTION sigap_manages_pillars(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT sigap_role() IN ('operator', 'provinsi', 'admin') AND sigap_in_scope(code)
$$;

ALTER TABLE pillars ENABLE ROW LEVEL SECURITY;
-- Coordinators read their Bakorwil's pillars (the service masks them); a linked user sees their own record.
CREATE POLICY pillars_select ON pillars FOR SELECT TO sigap_app
  USING (sigap_in_scope(home_region_code) OR user_id = sigap_user_id());
CREATE POLICY pillars_insert ON pillars FOR INSERT TO sigap_app
  WITH CHECK (sigap_manages_pillars(home_region_code));
CREATE POLICY pillars_update ON pillars FOR UPDATE TO sigap_app
  USING (sigap_manages_pillars(home_region_code)) WITH CHECK (sigap_manages_pillars(home_region_code));
CREATE POLICY pillars_delete ON pillars FOR DELETE TO sigap_app
  USING (sigap_manages_pillars(home_region_code));

ALTER TABLE pillar_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY pillar_imports_all ON pillar_imports FOR ALL TO sigap_app
  USING (sigap_manages_pillars(kabkota_code)) WITH CHECK (sigap_manages_pillars(kabkota_code));

ALTER TABLE pillar_types ENABLE ROW LEVEL SECURITY;
CREATE POLICY pillar_types_read ON pillar_types FOR SELECT TO sigap_app USING (true);
CREATE POLICY pillar_types_write ON pillar_types FOR INSERT TO sigap_app WITH CHECK (sigap_role() = 'admin');
CREATE POLICY pillar_types_update ON pillar_types FOR UPDATE TO sigap_app
  USING (sigap_role() = 'admin') WITH CHECK (sigap_role() = 'admin');

ALTER TABLE pillar_skills ENABLE ROW LEVEL SECURITY;
CREATE POLICY pillar_skills_read ON pillar_skills FOR SELECT TO sigap_app USING (true);
CREATE POLICY pillar_skills_write ON pillar_skills FOR INSERT TO sigap_app WITH CHECK (sigap_role() = 'admin');
CREATE POLICY pillar_skills_update ON pillar_skills FOR UPDATE TO sigap_app
  USING (sigap_role() = 'admin') WITH CHECK (sigap_role() = 'admin');

ALTER TABLE pillar_coverage_targets ENABLE ROW LEVEL SECURITY;
CREATE POLICY pillar_targets_read ON pillar_coverage_targets FOR SELECT TO sigap_app USING (true);
CREATE POLICY pillar_targets_write ON pillar_coverage_targets FOR INSERT TO sigap_app WITH CHECK (sigap_role() = 'admin');
CREATE POLICY pillar_targets_update ON pillar_coverage_targets FOR UPDATE TO sigap_app
  USING (sigap_role() = 'admin') WITH CHECK (sigap_role() = 'admin');

-- Finds existing people by NIK hash or phone across every region, for the registry's managers only, so an
-- import never creates a second record of someone registered elsewhere. Returns matching keys, no NIK.
CREATE FUNCTION sigap_pillar_candidates(p_nik_hashes text[], p_phones text[])
RETURNS TABLE (id uuid, nik_hash text, phone text, name_key text, home_region_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p.id, p.nik_hash, p.phone, p.name_key, p.home_region_code
  FROM unnest(p_nik_hashes) AS wanted (nik_hash) JOIN pillars p ON p.nik_hash = wanted.nik_hash
  WHERE (SELECT sigap_role()) IN ('operator', 'provinsi', 'admin')
  UNION
  SELECT p.id, p.nik_hash, p.phone, p.name_key, p.home_region_code
  FROM unnest(p_phones) AS wanted (phone) JOIN pillars p ON p.phone = wanted.phone
  WHERE (SELECT sigap_role()) IN ('operator', 'provinsi', 'admin')
$$;
REVOKE ALL ON FUNCTION sigap_pillar_candidates(text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_pillar_candidates(text[], text[]) TO sigap_app;

GRANT SELECT, INSERT, UPDATE ON pillar_types, pillar_skills, pillar_coverage_targets TO sigap_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON pillars TO sigap_app;
GRANT SELECT, INSERT, UPDATE ON pillar_imports TO sigap_app;

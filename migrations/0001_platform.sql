-- Platform: regions, Bakorwil, partner agencies, users, sessions, tokens, grants, audit and access logs.
-- The role sigap_app is created by the bootstrap step before migrations run (roles are server-wide).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- ── Regions ───────────────────────────────────────────────────────────────────────────────────
CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('provinsi', 'kabkota', 'kecamatan', 'desa')),
  parent_code text REFERENCES regions (code),
  -- lower-case letters and digits only, so "Tanggul Wetan" and "tanggulwetan" meet
  search_key text NOT NULL
);
COMMENT ON TABLE regions IS 'Kemendagri regions of Jawa Timur (idn-area-data, ODbL): provinsi, kab/kota, kecamatan, desa/kelurahan.';
CREATE INDEX regions_parent_idx ON regions (parent_code, name);
CREATE INDEX regions_search_trgm_idx ON regions USING gin (search_key gin_trgm_ops);

CREATE TABLE bakorwil (
  id text PRIMARY KEY,
  name text NOT NULL,
  seat text NOT NULL
);
COMMENT ON TABLE bakorwil IS 'Badan Koordinasi Wilayah: groups of kab/kota, editable data (defaults from the 2016 plan).';

CREATE TABLE bakorwil_members (
  kabkota_code text PRIMARY KEY REFERENCES regions (code),
  bakorwil_id text NOT NULL REFERENCES bakorwil (id)
);
COMMENT ON TABLE bakorwil_members IS 'Each kab/kota belongs to at most one Bakorwil.';

CREATE TABLE agencies (
  id text PRIMARY KEY,
  name text NOT NULL,
  kabkota_code text REFERENCES regions (code),
  is_active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE agencies IS 'Partner agencies (Polres, Kesbangpol, BPBD, FKUB, Dinsos kab/kota …) that receive dispositions.';

-- ── Users and sign-in ─────────────────────────────────────────────────────────────────────────
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('relawan', 'operator', 'koordinator', 'provinsi', 'mitra', 'admin')),
  scope_region_code text REFERENCES regions (code),
  scope_bakorwil_id text REFERENCES bakorwil (id),
  agency_id text REFERENCES agencies (id),
  password_hash text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(scope_region_code, scope_bakorwil_id) = 1),
  CHECK ((role = 'mitra') = (agency_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_username_idx ON users (lower(username));
COMMENT ON COLUMN users.scope_region_code IS 'The region a user works in; exactly one of this and scope_bakorwil_id.';

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
COMMENT ON TABLE sessions IS 'Cookie sessions; only a SHA-256 of the cookie value is stored.';

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
COMMENT ON TABLE api_tokens IS 'Bearer tokens for other systems; only a SHA-256 of the token is stored.';

CREATE TABLE login_failures (
  username_key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);
COMMENT ON TABLE login_failures IS 'Failed sign-ins per typed username (existing or not), for slowing and locking.';

-- ── Visibility grants ─────────────────────────────────────────────────────────────────────────
CREATE TABLE grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  grantee_kind text NOT NULL CHECK (grantee_kind IN ('user', 'region', 'agency')),
  grantee text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subject_type, subject_id, grantee_kind, grantee, reason)
);
CREATE INDEX grants_subject_idx ON grants (subject_type, subject_id);
CREATE INDEX grants_grantee_idx ON grants (grantee_kind, grantee);
COMMENT ON TABLE grants IS 'Explicit visibility beyond a user''s region scope: shared with a region, assigned to a user, addressed to an agency.';

-- ── Visibility functions read by every row-level security policy ─────────────────────────────
CREATE FUNCTION sigap_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('sigap.user_id', true), '')::uuid
$$;

CREATE FUNCTION sigap_role() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('sigap.role', true), '')
$$;

-- True when `code` lies inside the actor's region scope (the scope is a list of code prefixes).
CREATE FUNCTION sigap_in_scope(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT sigap_role() IN ('operator', 'koordinator', 'provinsi', 'admin')
     AND EXISTS (
       SELECT 1 FROM unnest(string_to_array(nullif(current_setting('sigap.scope', true), ''), ',')) AS p
       WHERE code = p OR left(code, length(p) + 1) = p || '.'
     )
$$;

-- True when a grant on the subject reaches the actor: as a person, through their region, or their agency.
CREATE FUNCTION sigap_granted(p_subject_type text, p_subject_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM grants g
    WHERE g.subject_type = p_subject_type AND g.subject_id = p_subject_id
      AND (
        (g.grantee_kind = 'user' AND g.grantee = current_setting('sigap.user_id', true))
        OR (g.grantee_kind = 'agency' AND g.grantee = nullif(current_setting('sigap.agency_id', true), ''))
        OR (g.grantee_kind = 'region' AND sigap_in_scope(g.grantee))
      )
  )
$$;

-- ── Audit trail: a hash chain computed in SQL over stored canonical text ────────────────────
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  details text NOT NULL,
  canonical text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
COMMENT ON TABLE audit_log IS 'Append-only chain: hash = sha256(prev_hash || canonical). No personal data in details: reference by id.';

CREATE FUNCTION sigap_audit_canonical(a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(E'\x1f', a.seq::text,
    to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(a.actor_id::text, ''), a.actor_label, a.action, a.subject_type, a.subject_id, a.details)
$$;

-- Appends one entry in the caller's transaction. SECURITY DEFINER: the app role may append, never edit.
CREATE FUNCTION sigap_audit_append(p_actor_id uuid, p_actor_label text, p_action text,
  p_subject_type text, p_subject_id text, p_details jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  entry audit_log;
  previous text;
BEGIN
  -- one writer at a time, so the chain never forks
  PERFORM pg_advisory_xact_lock(7301);
  SELECT hash INTO previous FROM audit_log ORDER BY seq DESC LIMIT 1;
  entry.seq := nextval(pg_get_serial_sequence('audit_log', 'seq'));
  entry.at := clock_timestamp();
  entry.actor_id := p_actor_id;
  entry.actor_label := p_actor_label;
  entry.action := p_action;
  entry.subject_type := p_subject_type;
  entry.subject_id := p_subject_id;
  entry.details := coalesce(p_details, '{}'::jsonb)::text;
  entry.canonical := sigap_audit_canonical(entry);
  entry.prev_hash := coalesce(previous, repeat('0', 64));
  entry.hash := encode(sha256(convert_to(entry.prev_hash || entry.canonical, 'UTF8')), 'hex');
  INSERT INTO audit_log VALUES (entry.*);
  RETURN entry.seq;
END
$$;

-- Reads of personal data: who looked at what, outside the chain (it may be pruned by retention).
CREATE TABLE access_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  purpose text NOT NULL
);
COMMENT ON TABLE access_log IS 'Every view of personal data (UU 27/2022), outside the audit chain.';

-- ── What the app role may do ──────────────────────────────────────────────────────────────────
GRANT USAGE ON SCHEMA public TO sigap_app;
GRANT SELECT ON regions, bakorwil, bakorwil_members, agencies TO sigap_app;
GRANT SELECT (id, username, display_name, role, scope_region_code, scope_bakorwil_id, agency_id, is_active) ON users TO sigap_app;
GRANT SELECT, INSERT, DELETE ON grants TO sigap_app;
GRANT INSERT ON access_log TO sigap_app;
GRANT USAGE ON SEQUENCE access_log_id_seq TO sigap_app;
REVOKE ALL ON FUNCTION sigap_audit_append(uuid, text, text, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_audit_append(uuid, text, text, text, text, jsonb) TO sigap_app;

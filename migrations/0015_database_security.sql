-- Row-level security trusts only a signed actor ticket (docs/SECURITY.md).
--
-- Until now the policies read sigap.user_id, sigap.role, sigap.scope and sigap.agency_id, settings any session
-- may write: connected as the app role, set_config('sigap.role', 'admin', false) showed every row. Now each
-- transaction of the app carries ONE setting, sigap.actor, a ticket
--   v1|<key id>|<backend pid>|<issued at, ms since epoch>|<user id>|<role>|<scope prefixes, comma-separated>|<agency id>|<mac>
-- where mac = hex(sha256(key || sha256(the first eight fields joined by '|'))), made by the app process with a key
-- it registered through the owner's connection in sigap_actor_keys, which the app role cannot read. Only
-- sigap_actor() (SECURITY DEFINER) reads the keys; it accepts a ticket only on the connection it was made for
-- (the backend pid) and only in a transaction that began within a minute of it, so a ticket seen in
-- pg_stat_activity is of no use on another connection. Every visibility function reads the actor from it.

CREATE TABLE sigap_actor_keys (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key bytea NOT NULL CHECK (length(key) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  seen_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sigap_actor_keys IS 'Keys that sign actor tickets, one per running app process (refreshed hourly, removed at its stop, forgotten two days after it was last seen); the app role has no access.';
COMMENT ON COLUMN sigap_actor_keys.seen_at IS 'Last time the owning process said it is alive; keys unseen for two days are deleted when a process registers its key.';
REVOKE ALL ON sigap_actor_keys FROM PUBLIC;

CREATE TYPE sigap_actor_t AS (user_id uuid, role text, scope text[], agency_id text);
COMMENT ON TYPE sigap_actor_t IS 'Who the current transaction acts for, as read from its verified ticket.';

-- The verified actor of this transaction; NULL when it carries no ticket (protected rows stay invisible).
-- A ticket that does not verify is an error, never a silent anonymous reader: it means tampering or a
-- key that was removed. Relations are schema-qualified: the app role may create temporary tables.
CREATE FUNCTION sigap_actor() RETURNS sigap_actor_t
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
DECLARE
  ticket text := current_setting('sigap.actor', true);
  f text[];
  k bytea;
BEGIN
  IF ticket IS NULL OR ticket = '' THEN
    RETURN NULL;
  END IF;
  f := string_to_array(ticket, '|');
  IF coalesce(array_length(f, 1), 0) <> 9 OR f[1] <> 'v1' OR f[2] !~ '^[0-9]{1,9}$' THEN
    RAISE EXCEPTION 'sigap: malformed actor ticket' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT key INTO k FROM public.sigap_actor_keys WHERE id = f[2]::integer;
  IF k IS NULL
     OR encode(sha256(k || sha256(convert_to(array_to_string(f[1:8], '|'), 'UTF8'))), 'hex') <> f[9] THEN
    RAISE EXCEPTION 'sigap: actor ticket not signed by a known key' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF f[3] <> pg_backend_pid()::text THEN
    RAISE EXCEPTION 'sigap: actor ticket made for another connection' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF abs(extract(epoch FROM now()) * 1000 - f[4]::bigint) > 60000 THEN
    RAISE EXCEPTION 'sigap: actor ticket too old or from the future (are the clocks of the app and database servers in sync?)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN ROW(nullif(f[5], '')::uuid, f[6], string_to_array(nullif(f[7], ''), ','), nullif(f[8], ''))::public.sigap_actor_t;
END
$$;
REVOKE ALL ON FUNCTION sigap_actor() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_actor() TO sigap_app;

-- The visibility functions every policy calls, now reading the verified actor (same names, same results).
CREATE OR REPLACE FUNCTION sigap_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT (public.sigap_actor()).user_id
$$;

CREATE OR REPLACE FUNCTION sigap_role() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((public.sigap_actor()).role, '')
$$;

CREATE FUNCTION sigap_agency_id() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT (public.sigap_actor()).agency_id
$$;

CREATE OR REPLACE FUNCTION sigap_in_scope(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM (SELECT public.sigap_actor() AS a OFFSET 0) AS actor, unnest((actor.a).scope) AS p
    WHERE (actor.a).role IN ('operator', 'koordinator', 'provinsi', 'admin')
      AND (code = p OR left(code, length(p) + 1) = p || '.')
  )
$$;

CREATE OR REPLACE FUNCTION sigap_granted(p_subject_type text, p_subject_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.grants g
    WHERE g.subject_type = p_subject_type AND g.subject_id = p_subject_id
      AND (
        (g.grantee_kind = 'user' AND g.grantee = public.sigap_user_id()::text)
        OR (g.grantee_kind = 'agency' AND g.grantee = public.sigap_agency_id())
        OR (g.grantee_kind = 'region' AND public.sigap_in_scope(g.grantee))
      )
  )
$$;

ALTER POLICY dispositions_all ON dispositions
  USING (
    CASE WHEN sigap_role() = 'mitra' THEN agency_id = sigap_agency_id()
         ELSE EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id) END)
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

-- The audit trail: the app role appends only as the actor of its verified ticket. The entry's actor is that
-- user (labelled with their username, as the app labels them); the six-argument form, which names any actor,
-- is left to the owner (start-up, sign-in, system jobs).
CREATE FUNCTION sigap_audit_append_as_actor(p_action text, p_subject_type text, p_subject_id text, p_details jsonb)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  actor public.sigap_actor_t := public.sigap_actor();
  label text;
BEGIN
  IF actor.user_id IS NULL THEN
    RAISE EXCEPTION 'sigap: an audit entry needs a signed actor' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT username INTO label FROM public.users WHERE id = actor.user_id;
  IF label IS NULL THEN
    RAISE EXCEPTION 'sigap: the actor of this transaction is not a user' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN public.sigap_audit_append(actor.user_id, label, p_action, p_subject_type, p_subject_id, p_details);
END
$$;
REVOKE ALL ON FUNCTION sigap_audit_append_as_actor(text, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_audit_append_as_actor(text, text, text, jsonb) TO sigap_app;
REVOKE EXECUTE ON FUNCTION sigap_audit_append(uuid, text, text, text, text, jsonb) FROM sigap_app;

-- ── NIKs of vulnerable people (children first among them) are encrypted as pillars' NIKs are ────────────
-- AES-256-GCM under SIGAP_DATA_KEY, which lives outside the database, with a keyed hash (HMAC-SHA256) for
-- matching. SQL cannot reach the key, so rows written before this migration keep their NIK in `nik` until the
-- next start seals them (people-service sealPlainNiks, run when the routes load); from now on a row may not
-- carry a plain NIK at all (the constraint is NOT VALID only so that those old rows can wait for that step).
ALTER TABLE vulnerable_people
  ADD COLUMN nik_encrypted bytea,
  ADD COLUMN nik_hash text,
  ADD CONSTRAINT vulnerable_people_nik_sealed CHECK (nik IS NULL) NOT VALID;
CREATE INDEX vulnerable_people_nik_hash_idx ON vulnerable_people (nik_hash) WHERE nik_hash IS NOT NULL;
COMMENT ON COLUMN vulnerable_people.nik IS 'Retired: a NIK in plain text, emptied by the start-up step that seals it into nik_encrypted.';
COMMENT ON COLUMN vulnerable_people.nik_encrypted IS 'The NIK, AES-256-GCM under SIGAP_DATA_KEY (version byte, IV, tag, ciphertext).';
COMMENT ON COLUMN vulnerable_people.nik_hash IS 'HMAC-SHA256 of the NIK under a key derived from SIGAP_DATA_KEY: finds the same person without decrypting.';

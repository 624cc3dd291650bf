-- Row security that costs per statement, not per row (docs/decisions/0020-row-security-per-statement.md).
--
-- Every policy called sigap_in_scope(code), sigap_role(), sigap_user_id() … once per row, and each call verified
-- the actor's signed ticket again (sigap_actor(): a key lookup and two sha256): about 30 µs a row, so a count
-- over a province's reports paid seconds in policy checks. Here the actor's part of each policy — the scope as
-- LIKE patterns, the ids the actor holds grants on, the role, the user id — is an uncorrelated sub-select,
-- which PostgreSQL evaluates ONCE per statement (an InitPlan); per row only a comparison remains:
--   sigap_in_scope(c)            → c LIKE ANY ((SELECT sigap_scope_patterns())::text[])
--   sigap_granted('report', id)  → id = ANY ((SELECT sigap_granted_ids('report'))::uuid[])
-- (the cast makes the sub-select an expression: ANY over its one array, not over its rows)
--   sigap_role(), sigap_user_id(), sigap_agency_id(), sigap_is_staff() → (SELECT …)
-- The ticket is still verified by sigap_actor() in every statement, so the app role can forge nothing more
-- than before. Same rows visible, same checks on writes: the existing row-security tests hold unchanged.

-- The actor's scope as LIKE patterns: for each scope prefix p, p itself and p || '.%' (what sigap_in_scope
-- matches: the region and everything under it). Empty for roles that see nothing by region.
CREATE FUNCTION sigap_scope_patterns() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(pattern), '{}')
  FROM (SELECT public.sigap_actor() AS a OFFSET 0) AS actor,
       unnest((actor.a).scope) AS p,
       LATERAL (SELECT replace(replace(replace(p, '\', '\\'), '%', '\%'), '_', '\_') AS q) AS escaped,
       LATERAL (VALUES (escaped.q), (escaped.q || '.%')) AS v (pattern)
  WHERE (actor.a).role IN ('operator', 'koordinator', 'provinsi', 'admin')
$$;
COMMENT ON FUNCTION sigap_scope_patterns() IS 'The verified actor''s region scope as LIKE patterns (each prefix and everything under it); called once per statement by the policies.';
REVOKE ALL ON FUNCTION sigap_scope_patterns() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_scope_patterns() TO sigap_app;

-- The ids of the records of one kind the actor holds a grant on: as a user, as their agency, or through a
-- region in their scope (what sigap_granted decides for one record).
CREATE FUNCTION sigap_granted_ids(p_subject_type text) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT g.subject_id), '{}')
  FROM (SELECT public.sigap_actor() AS a, public.sigap_scope_patterns() AS patterns OFFSET 0) AS actor,
       public.grants g
  WHERE g.subject_type = p_subject_type
    AND (
      (g.grantee_kind = 'user' AND g.grantee = ((actor.a).user_id)::text)
      OR (g.grantee_kind = 'agency' AND g.grantee = (actor.a).agency_id)
      OR (g.grantee_kind = 'region' AND g.grantee LIKE ANY (actor.patterns))
    )
$$;
COMMENT ON FUNCTION sigap_granted_ids(text) IS 'Ids of the records of one subject type the verified actor holds a grant on; called once per statement by the policies.';
REVOKE ALL ON FUNCTION sigap_granted_ids(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_granted_ids(text) TO sigap_app;


-- Every policy is rewritten from its own text as PostgreSQL keeps it, so policies added by earlier migrations
-- of any module get the same treatment. Calls with other arguments (an expression rather than a column)
-- keep the per-row form, which is still correct.
DO $$
DECLARE
  pol record;
  expr text;
  parts text[];
  scoped CONSTANT text := ' LIKE ANY ((SELECT sigap_scope_patterns())::text[]))';
BEGIN
  FOR pol IN SELECT schemaname, tablename, policyname, qual, with_check FROM pg_policies
             WHERE schemaname = 'public' ORDER BY tablename, policyname LOOP
    parts := ARRAY[]::text[];
    FOREACH expr IN ARRAY ARRAY[pol.qual, pol.with_check] LOOP
      IF expr IS NOT NULL THEN
        expr := regexp_replace(expr, '\msigap_(role|user_id|agency_id|is_staff)\(\)', '(SELECT sigap_\1())', 'g');
        expr := regexp_replace(expr, '\msigap_in_scope\(([A-Za-z_][A-Za-z0-9_.]*)\)', '(\1' || scoped, 'g');
        expr := regexp_replace(expr,
          '\msigap_can_see_report\(([A-Za-z_][A-Za-z0-9_.]*), ([A-Za-z_][A-Za-z0-9_.]*), ([A-Za-z_][A-Za-z0-9_.]*)\)',
          '((\1' || scoped || ' OR (\2 = (SELECT sigap_user_id())) OR (\3 = ANY ((SELECT sigap_granted_ids(''report''))::uuid[])))',
          'g');
        expr := regexp_replace(expr,
          '\msigap_can_see_case\(([A-Za-z_][A-Za-z0-9_.]*), ([A-Za-z_][A-Za-z0-9_.]*)\)',
          '((\1' || scoped || ' OR (\2 = ANY ((SELECT sigap_granted_ids(''case''))::uuid[])))',
          'g');
      END IF;
      parts := parts || expr;
    END LOOP;
    IF parts[1] IS DISTINCT FROM pol.qual OR parts[2] IS DISTINCT FROM pol.with_check THEN
      EXECUTE format('ALTER POLICY %I ON %I.%I', pol.policyname, pol.schemaname, pol.tablename)
        || CASE WHEN parts[1] IS NOT NULL THEN format(' USING (%s)', parts[1]) ELSE '' END
        || CASE WHEN parts[2] IS NOT NULL THEN format(' WITH CHECK (%s)', parts[2]) ELSE '' END;
    END IF;
  END LOOP;
END
$$;

-- A new report's row-security check reads the verified actor once or twice instead of four times (decision 0048).
--
-- An intake inserts with RETURNING, so PostgreSQL checks the new row against the INSERT policy's WITH CHECK and
-- the SELECT policy's USING. Each sigap_*() sub-select there is its own InitPlan, and each InitPlan verifies the
-- actor's ticket again (sigap_actor(): a key lookup and two sha256). Before, a report by its own reporter ran four:
-- the user id and the role (INSERT), then the scope patterns and the user id again (SELECT, whose first branch,
-- the region in scope, fails for a relawan or for a report outside the reporter's area). Now:
--   * the INSERT check is one InitPlan: the actor's user id when their role may file reports, else NULL, which
--     no reporter_id equals (the same rows pass as under `reporter_id = user id AND role IN (…)`);
--   * the SELECT policy tests its branches cheapest first: the reporter (one uuid compared per row) before the
--     region in scope and the grants. An OR of the same three terms shows the same rows; for the reporter's own
--     new row the first branch holds and the other InitPlans are never run.
-- The UPDATE policy keeps its text: an update is checked as before.

CREATE FUNCTION sigap_filing_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN (actor.a).role IN ('relawan', 'operator', 'koordinator', 'provinsi', 'admin')
              THEN (actor.a).user_id END
  FROM (SELECT public.sigap_actor() AS a OFFSET 0) AS actor
$$;
COMMENT ON FUNCTION sigap_filing_user_id() IS 'The verified actor''s user id when their role may file reports, else NULL; called once per statement by the reports INSERT policy.';
REVOKE ALL ON FUNCTION sigap_filing_user_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_filing_user_id() TO sigap_app;

ALTER POLICY reports_insert ON reports
  WITH CHECK (reporter_id = (SELECT sigap_filing_user_id()));

ALTER POLICY reports_select ON reports
  USING (
    (reporter_id = (SELECT sigap_user_id()))
    OR (region_code LIKE ANY ((SELECT sigap_scope_patterns())::text[]))
    OR (id = ANY ((SELECT sigap_granted_ids('report'))::uuid[])));

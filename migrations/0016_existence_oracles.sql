-- Keys and rules that reached beyond a user's scope (docs/decisions/NNNN-appsec19-scope-oracles.md).
--
-- 1. A pillar's NIK was unique across the province, so registering a NIK answered whether it was registered
--    anywhere. It is now unique per kab/kota: a person registered outside the writer's scope is registered
--    again in theirs, and the province (who sees both) is told to reconcile them.
-- 2. A photo's id was unique across every report, so uploading with the id of a photo of an unseen report hit
--    the key of a row the uploader could not see. A photo is now identified within its report.

ALTER TABLE pillars DROP CONSTRAINT pillars_nik_hash_key;
CREATE UNIQUE INDEX pillars_nik_hash_kabkota_key ON pillars (nik_hash, kabkota_code);
COMMENT ON INDEX pillars_nik_hash_kabkota_key IS
  'One record of a NIK per kab/kota; the same NIK in two kab/kota is reported to the province to reconcile.';

ALTER TABLE report_photos DROP CONSTRAINT report_photos_pkey;
ALTER TABLE report_photos ADD PRIMARY KEY (report_id, id);
COMMENT ON COLUMN report_photos.id IS
  'Chosen by the client (idempotent uploads); unique within its report, so another report''s ids are never hit.';
DROP INDEX report_photos_report_idx;

-- 3. A koordinator edits an actor group only within their scope: every branch of the group lies in it (or the
--    group has no branch yet and they registered it). A group present beyond their Bakorwil is a province-wide
--    matter for provinsi and admin. Reads every branch (the caller sees only their own) and returns a yes/no.
CREATE FUNCTION sigap_group_within_scope(p_group uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM actor_group_branches b WHERE b.group_id = p_group)
      THEN NOT EXISTS (
        SELECT 1 FROM actor_group_branches b WHERE b.group_id = p_group AND NOT sigap_in_scope(b.region_code))
    ELSE EXISTS (SELECT 1 FROM actor_groups g WHERE g.id = p_group AND g.created_by = sigap_user_id())
  END
$$;
COMMENT ON FUNCTION sigap_group_within_scope(uuid) IS
  'True when every branch of the group lies in the actor''s scope (or it has none and the actor registered it).';
REVOKE ALL ON FUNCTION sigap_group_within_scope(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_group_within_scope(uuid) TO sigap_app;

DROP POLICY actor_groups_update ON actor_groups;
CREATE POLICY actor_groups_update ON actor_groups FOR UPDATE TO sigap_app
  USING (sigap_role() IN ('provinsi', 'admin') OR (sigap_role() = 'koordinator' AND sigap_group_within_scope(id)))
  WITH CHECK (sigap_role() IN ('provinsi', 'admin') OR (sigap_role() = 'koordinator' AND sigap_group_within_scope(id)));

-- Keys that told a user about records outside their scope (docs/SECURITY-APP.md "Existence oracles").
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

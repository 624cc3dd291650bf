-- The duplicate check compared a new report with every report of its place, type and 48 hours (similarity() on
-- each pair), so its cost grew with the place's flood: a check of 40 reports in a place holding 6,000 recent
-- reports took seconds. This index lets the check walk the place's reports of that type by trigram distance
-- (`description <-> $text`, then `occurred_at <-> $time`) and stop at the ten most alike (decision 0045).
-- Place and type come first, so the walk stays inside them; the text before the time, so the index's pages
-- inside a place group alike texts and the walk can pass over the pages of other wordings; the 48-hour window is
-- checked on the time column as the walk goes. A trigram signature of 64 bytes (the default is 12) keeps the
-- pages' distance bounds informative when hundreds of reports share most of their words.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE INDEX reports_alike_idx ON reports USING gist (
  coalesce(kecamatan_code, region_code), conflict_type, description gist_trgm_ops (siglen = 64), occurred_at
);
COMMENT ON INDEX reports_alike_idx IS
  'The duplicate check: reports of one place and type walked by text distance, then time distance (decision 0045).';

-- The dashboard's acknowledgement figure reads the reports still waiting within their deadline from an index of
-- the waiting reports by area and date (decision 0053).
--
-- countMissedDeadlines (stats-store.ts) counts the reports not yet acknowledged whose deadline is still ahead,
-- for the period and the viewer's kab/kota; everything else on the dashboard comes from the kept figures. The only
-- index of waiting reports was by deadline (reports_unacknowledged_idx, the escalation's), so the count read every
-- waiting report with a deadline ahead from the table and intersected them with the period. A report climbed to
-- the Bakorwil or the province has a new deadline ahead, so a backlog keeps them all "ahead": at a million reports
-- with 109,000 waiting, that was 40–150 ms a dashboard. This index holds only the waiting reports, by kab/kota and
-- date, with what the count filters on, so the count is an index-only scan of the period's waiting reports in the
-- viewer's kab/kota. It includes every column the reports' row-security policy reads (the reporter, the region,
-- the id for grants): without them each entry fetched its row to check the policy, and as the actor the count
-- still took ~100 ms.
CREATE INDEX reports_unacknowledged_area_idx ON reports (kabkota_code, occurred_at)
  INCLUDE (region_code, due_acknowledge_at, reporter_id, id) WHERE acknowledged_at IS NULL;
COMMENT ON INDEX reports_unacknowledged_area_idx IS
  'Reports not yet acknowledged, by kab/kota and date: the dashboard''s count of those still within their deadline.';

-- A referral, a disposition or an assignment sent twice (a double click, a retry after a dropped connection, two
-- sends at once) is kept once: each request carries an id the client made for it, as follow-ups do.
--
-- A referral's and a disposition's id is the client's id (the server makes one when none is sent), so their
-- primary keys already keep them once. An assignment is one per case and person, renewed in place with a new task,
-- so its id cannot be the request's: every request that made or renewed one keeps its id here, with the hash of
-- what it asked, and a request sent again answers the assignment it made instead of assigning again.
CREATE TABLE assignment_requests (
  id uuid PRIMARY KEY,
  assignment_id uuid NOT NULL REFERENCES assignments (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  content_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE assignment_requests IS 'The client id of each request that made or renewed an assignment: the same request sent again answers that assignment and assigns nobody again.';
COMMENT ON COLUMN assignment_requests.id IS 'The id the client made for the request (one per form fill).';
COMMENT ON COLUMN assignment_requests.assignment_id IS 'The assignment the request made or renewed.';
COMMENT ON COLUMN assignment_requests.case_id IS 'The case of the assignment (row security reads it).';
COMMENT ON COLUMN assignment_requests.content_hash IS 'SHA-256 of what the request asked (person, task, due time): the same id with other content is refused.';

ALTER TABLE assignment_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY assignment_requests_all ON assignment_requests FOR ALL TO sigap_app
  USING ((SELECT sigap_role()) <> 'mitra' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
GRANT SELECT, INSERT ON assignment_requests TO sigap_app;

COMMENT ON COLUMN referrals.id IS 'The id the client made for the referral (one per form fill), or the server''s when none was sent: a referral sent again is kept once.';
COMMENT ON COLUMN dispositions.id IS 'The id the client made for the disposition (one per form fill), or the server''s when none was sent: a disposition sent again is kept once.';

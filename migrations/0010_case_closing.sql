-- Closing a case honours the people in it: a referral still open when its case closes is handed over to a
-- named service with a named person who follows it up; a closed case may be reopened (timeline + audit).

ALTER TABLE referrals
  ADD COLUMN handed_over_to text,
  ADD COLUMN handover_follow_up text,
  ADD COLUMN handed_over_at timestamptz,
  ADD COLUMN handed_over_by uuid REFERENCES users (id);
COMMENT ON COLUMN referrals.handed_over_to IS 'When the case closed with this referral open: the service or institution that takes it over.';
COMMENT ON COLUMN referrals.handover_follow_up IS 'When the case closed with this referral open: who follows it up (name, role or unit).';
COMMENT ON COLUMN referrals.handed_over_at IS 'When the hand-over was recorded (the closing of the case); null when never handed over.';
COMMENT ON COLUMN referrals.handed_over_by IS 'The handler who recorded the hand-over.';

-- The evaluation counts closed cases with referrals still open: closed cases of a period, by closing time.
CREATE INDEX referrals_open_case_idx ON referrals (case_id) WHERE status IN ('dirujuk', 'diterima');

-- Field safety: a check-in without a check-out after a set time raises one alert to the case's operators.

CREATE TABLE safety_alerts (
  check_in_id uuid PRIMARY KEY REFERENCES follow_ups (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  user_id uuid NOT NULL REFERENCES users (id),
  raised_at timestamptz NOT NULL
);
COMMENT ON TABLE safety_alerts IS 'One row per check-in left open too long: the alert raised for it (never twice).';
CREATE INDEX follow_ups_open_check_in_idx ON follow_ups (occurred_at) WHERE kind = 'check_in';

ALTER TABLE safety_alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY safety_alerts_select ON safety_alerts FOR SELECT TO sigap_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
GRANT SELECT ON safety_alerts TO sigap_app;

-- What the text reader suggested for a report, beside what the person filed: the reader's accuracy in real use.

CREATE TABLE text_read_feedback (
  report_id uuid PRIMARY KEY REFERENCES reports (id),
  suggested jsonb NOT NULL,
  chosen jsonb NOT NULL,
  agreed text[] NOT NULL DEFAULT '{}',
  recorded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE text_read_feedback IS
  'One row per report filed from a reading of its description: what the reader suggested and what the person chose.';
COMMENT ON COLUMN text_read_feedback.suggested IS
  'The reader''s suggestion: kind, conflictType, regionCode, kabkotaCode, vulnerableGroups, injured, dead, displaced, violenceOngoing.';
COMMENT ON COLUMN text_read_feedback.chosen IS 'The same fields as the report was filed.';
COMMENT ON COLUMN text_read_feedback.agreed IS 'The fields where the person kept the suggestion.';
CREATE INDEX text_read_feedback_created_idx ON text_read_feedback (created_at);

ALTER TABLE text_read_feedback ENABLE ROW LEVEL SECURITY;
CREATE POLICY text_read_feedback_all ON text_read_feedback FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (recorded_by = sigap_user_id() AND EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
GRANT SELECT, INSERT ON text_read_feedback TO sigap_app;

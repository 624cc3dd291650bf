-- "A deadline about to pass" (issue 12): when most of the time a record's deadline allows has gone and nobody has
-- acted — a report not yet acknowledged, an open case without its first field response or not resolved — the
-- handlers at the record's level get an in-app notice, and through it the new notice kind `tenggat` on WhatsApp,
-- SMS or e-mail for those who opted in. One row per record, deadline and due time marks the warning given, so a
-- second run or a second app instance warns nobody again; a deadline moved by escalation is a new deadline.

CREATE TABLE deadline_warnings (
  subject_type text NOT NULL CHECK (subject_type IN ('report', 'case')),
  subject_id uuid NOT NULL,
  deadline text NOT NULL CHECK (deadline IN ('acknowledge', 'response', 'resolve')),
  due_at timestamptz NOT NULL,
  warned_at timestamptz NOT NULL,
  PRIMARY KEY (subject_type, subject_id, deadline, due_at)
);
COMMENT ON TABLE deadline_warnings IS
  'Deadlines about to pass that were warned of: one row per record, deadline and due time (written by the escalation job, read by it only).';
COMMENT ON COLUMN deadline_warnings.deadline IS 'acknowledge: a report''s acknowledgement; response, resolve: a case''s first field response and resolution.';
COMMENT ON COLUMN deadline_warnings.due_at IS 'The deadline warned of; after an escalation the record has a new deadline, warned of once more.';
ALTER TABLE deadline_warnings ENABLE ROW LEVEL SECURITY;

ALTER TABLE notice_preferences DROP CONSTRAINT notice_preferences_kind_check;
ALTER TABLE notice_preferences ADD CONSTRAINT notice_preferences_kind_check
  CHECK (kind IN ('p1', 'eskalasi', 'penugasan', 'peringatan', 'tenggat'));
ALTER TABLE notices DROP CONSTRAINT notices_kind_check;
ALTER TABLE notices ADD CONSTRAINT notices_kind_check
  CHECK (kind IN ('p1', 'eskalasi', 'penugasan', 'peringatan', 'tenggat'));

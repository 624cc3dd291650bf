-- ODK Collect / KoBoCollect intake: device tokens for field phones and the OpenRosa submissions received.

CREATE TABLE odk_devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  last_used_at timestamptz,
  revoked_at timestamptz
);
COMMENT ON TABLE odk_devices IS 'Per-device tokens for ODK Collect (in the path /odk/key/<token>/…); only a SHA-256 of the token is stored.';
COMMENT ON COLUMN odk_devices.user_id IS 'Whose reports the phone sends: the device acts as this user.';
COMMENT ON COLUMN odk_devices.revoked_at IS 'Set when the token is revoked; a revoked token is refused at once.';
CREATE INDEX odk_devices_user_idx ON odk_devices (user_id, created_at DESC);

CREATE TABLE odk_submissions (
  instance_id text PRIMARY KEY,
  form_id text NOT NULL,
  form_version text NOT NULL,
  xml_sha256 text NOT NULL,
  report_id uuid NOT NULL REFERENCES reports (id),
  deprecated_id text REFERENCES odk_submissions (instance_id),
  submitted_by uuid NOT NULL REFERENCES users (id),
  device_id uuid REFERENCES odk_devices (id),
  received_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE odk_submissions IS 'OpenRosa submissions taken in: one per instanceID, each the report it became (an edit points at the same report).';
COMMENT ON COLUMN odk_submissions.xml_sha256 IS 'SHA-256 of the submitted XML: the same instanceID with other XML is refused (409).';
COMMENT ON COLUMN odk_submissions.deprecated_id IS 'The instanceID this submission replaces (an edit sent from the phone): an amendment of the same report.';
CREATE INDEX odk_submissions_report_idx ON odk_submissions (report_id);

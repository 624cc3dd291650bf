-- Notices to people who are not looking (issue 12): a user opts in per kind and per channel (WhatsApp, SMS,
-- e-mail); every in-app notice of such a kind also queues one notice per opted-in channel, in the same commit,
-- once per event, user, kind and channel (the unique key), and the `notice-delivery` job sends them after the
-- commit — WhatsApp and SMS through channel_outbox, e-mail by SMTP — respecting the user's quiet hours.

CREATE TABLE notice_settings (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  email text CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' AND length(email) <= 254),
  language text NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  quiet_from smallint CHECK (quiet_from BETWEEN 0 AND 1439),
  quiet_until smallint CHECK (quiet_until BETWEEN 0 AND 1439),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);
COMMENT ON TABLE notice_settings IS
  'A user''s own settings for notices outside the app: the e-mail address, the language, and quiet hours in WIB.';
COMMENT ON COLUMN notice_settings.email IS 'The user''s own e-mail address for notices. Personal data: never in logs or audit details.';
COMMENT ON COLUMN notice_settings.quiet_from IS 'Start of the quiet hours, minutes after midnight WIB (none when null).';
COMMENT ON COLUMN notice_settings.quiet_until IS 'End of the quiet hours, minutes after midnight WIB: notices held back are sent then.';

CREATE TABLE notice_preferences (
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('p1', 'eskalasi', 'penugasan', 'peringatan')),
  channel text NOT NULL CHECK (channel IN ('whatsapp', 'sms', 'email')),
  PRIMARY KEY (user_id, kind, channel)
);
COMMENT ON TABLE notice_preferences IS 'Opt-in: one row per kind of notice and channel a user wants it on.';

CREATE TABLE notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_key text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('p1', 'eskalasi', 'penugasan', 'peringatan')),
  channel text NOT NULL CHECK (channel IN ('whatsapp', 'sms', 'email')),
  is_urgent boolean NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  text_id text NOT NULL,
  text_en text NOT NULL,
  path text NOT NULL,
  status text NOT NULL DEFAULT 'antre' CHECK (status IN ('antre', 'diteruskan', 'terkirim', 'gagal')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  outbox_id uuid REFERENCES channel_outbox (id),
  provider_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (event_key, user_id, kind, channel)
);
COMMENT ON TABLE notices IS
  'Notices outside the app and their delivery log: one row per event, user, kind and channel, so an event never sends twice, even from several instances.';
COMMENT ON COLUMN notices.text_id IS 'The notice in Indonesian: kind, priority or level and place only, never names of victims, NIKs or phone numbers.';
COMMENT ON COLUMN notices.text_en IS 'The same notice in English, for users who chose English.';
COMMENT ON COLUMN notices.last_error IS 'The SMTP reply code or error class of the last failed attempt (no personal data).';
COMMENT ON COLUMN notices.outbox_id IS 'WhatsApp and SMS: the channel_outbox message that carries the notice (its delivery state).';
CREATE INDEX notices_pending_idx ON notices (next_attempt_at) WHERE status = 'antre';
CREATE INDEX notices_user_idx ON notices (user_id, created_at DESC);

-- Only the server itself (owner rights) reads and writes these tables; the app role queues notices through the
-- function below, and the service reads a user's own settings with the user's id.
ALTER TABLE notice_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE notice_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE notices ENABLE ROW LEVEL SECURITY;

-- Queues a notice of `p_kind` for each of `p_user_ids` who opted in, on each channel they chose and have an
-- address for; a second call for the same event changes nothing.
CREATE FUNCTION sigap_queue_notices(p_user_ids uuid[], p_kind text, p_event_key text, p_is_urgent boolean,
  p_subject_type text, p_subject_id uuid, p_text_id text, p_text_en text, p_path text) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH added AS (
    INSERT INTO notices (event_key, user_id, kind, channel, is_urgent, subject_type, subject_id, text_id, text_en, path)
    SELECT p_event_key, p.user_id, p.kind, p.channel, p_is_urgent, p_subject_type, p_subject_id, p_text_id, p_text_en, p_path
    FROM notice_preferences p
    JOIN users u ON u.id = p.user_id AND u.is_active
    LEFT JOIN notice_settings s ON s.user_id = p.user_id
    WHERE p.user_id = ANY (p_user_ids) AND p.kind = p_kind
      AND CASE p.channel WHEN 'email' THEN s.email IS NOT NULL ELSE u.phone IS NOT NULL END
    ON CONFLICT (event_key, user_id, kind, channel) DO NOTHING
    RETURNING 1
  ) SELECT count(*)::int FROM added
$$;
REVOKE ALL ON FUNCTION sigap_queue_notices(uuid[], text, text, boolean, text, uuid, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_queue_notices(uuid[], text, text, boolean, text, uuid, text, text, text) TO sigap_app;

-- WhatsApp and SMS: messages taken in from the channels (each either a report, joined to one, or waiting to be
-- placed by hand), the replies and notices sent back out, and a phone number on user accounts.

ALTER TABLE users ADD COLUMN phone text CHECK (phone ~ '^\+62[1-9][0-9]{7,11}$');
COMMENT ON COLUMN users.phone IS
  'The user''s own phone (+62…): messages from it report as this user. Personal data: never in logs or audit details.';
CREATE UNIQUE INDEX users_phone_idx ON users (phone) WHERE phone IS NOT NULL;

CREATE TABLE channel_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('whatsapp', 'sms')),
  provider_id text NOT NULL,
  sender text NOT NULL,
  sender_user_id uuid REFERENCES users (id),
  trust text NOT NULL CHECK (trust IN ('pengguna', 'pilar', 'warga')),
  area_code text NOT NULL REFERENCES regions (code),
  message_type text NOT NULL CHECK (message_type IN ('text', 'location', 'image')),
  body text NOT NULL DEFAULT '',
  latitude double precision,
  longitude double precision,
  media_id text,
  received_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  lead_id uuid REFERENCES channel_messages (id),
  status text NOT NULL CHECK (status IN ('menunggu', 'dilaporkan', 'digabung', 'dibatasi')),
  reading jsonb,
  report_id uuid REFERENCES reports (id),
  placed_by uuid REFERENCES users (id),
  UNIQUE (channel, provider_id)
);
COMMENT ON TABLE channel_messages IS
  'Messages taken in from WhatsApp and SMS, one row per provider message: a lead (the first of a sender''s messages within 30 minutes) becomes a report when its place is known at least to the kab/kota, or waits (menunggu) to be placed by hand; later ones join it (digabung).';
COMMENT ON COLUMN channel_messages.provider_id IS 'The provider''s message id: a retried delivery finds the same row and changes nothing.';
COMMENT ON COLUMN channel_messages.sender IS 'The sender''s phone, +62…: personal data, masked for everyone but the handlers, never in logs or audit details.';
COMMENT ON COLUMN channel_messages.body IS 'The message text as sent (for a lead: its text and the texts joined to it). Personal data may be in it.';
COMMENT ON COLUMN channel_messages.latitude IS 'A location pin sent by the sender: personal data when it is where they live.';
COMMENT ON COLUMN channel_messages.longitude IS 'A location pin sent by the sender: personal data when it is where they live.';
COMMENT ON COLUMN channel_messages.area_code IS 'Whose queue a waiting message is in: the sender''s kab/kota, or 35 (the province) for an unknown sender.';
COMMENT ON COLUMN channel_messages.reading IS 'What the text reader suggested for the lead''s text, with the deciding words (character offsets).';
CREATE INDEX channel_messages_sender_idx ON channel_messages (channel, sender, received_at DESC);
CREATE INDEX channel_messages_queue_idx ON channel_messages (area_code, received_at) WHERE status = 'menunggu';
CREATE INDEX channel_messages_report_idx ON channel_messages (report_id) WHERE report_id IS NOT NULL;

ALTER TABLE channel_messages ENABLE ROW LEVEL SECURITY;
-- The office sees a message in its area, or one that became a report it sees.
CREATE POLICY channel_messages_read ON channel_messages FOR SELECT TO sigap_app
  USING (sigap_in_scope(area_code) OR (report_id IS NOT NULL AND EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id)));
CREATE POLICY channel_messages_place ON channel_messages FOR UPDATE TO sigap_app
  USING (sigap_in_scope(area_code)) WITH CHECK (sigap_in_scope(area_code));
GRANT SELECT, UPDATE (status, report_id, placed_by) ON channel_messages TO sigap_app;

CREATE TABLE channel_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('whatsapp', 'sms')),
  recipient text NOT NULL,
  body text NOT NULL,
  event_key text NOT NULL UNIQUE,
  message_id uuid REFERENCES channel_messages (id),
  status text NOT NULL DEFAULT 'antre' CHECK (status IN ('antre', 'terkirim', 'diterima', 'dibaca', 'gagal')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  provider_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
COMMENT ON TABLE channel_outbox IS
  'Replies and notices to send on WhatsApp or SMS, and their delivery log; one row per (recipient, event) so an event never sends twice.';
COMMENT ON COLUMN channel_outbox.recipient IS 'The phone sent to, +62…: personal data, never in logs or audit details.';
COMMENT ON COLUMN channel_outbox.body IS 'The text sent: receipts and questions, never names of victims or NIKs.';
COMMENT ON COLUMN channel_outbox.last_error IS 'The provider''s status code or error class of the last failed attempt (no personal data).';
CREATE INDEX channel_outbox_pending_idx ON channel_outbox (next_attempt_at) WHERE status = 'antre';
COMMENT ON COLUMN channel_outbox.next_attempt_at IS 'When the message may be taken next: a taken message is held for two minutes, a failed one waits longer each time.';
CREATE INDEX channel_outbox_provider_idx ON channel_outbox (provider_id) WHERE provider_id IS NOT NULL;
-- Only the server itself (owner rights) reads and writes the outbox; the app role has no access.
ALTER TABLE channel_outbox ENABLE ROW LEVEL SECURITY;

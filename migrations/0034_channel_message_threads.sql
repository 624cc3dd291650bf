-- The messages joined to a lead, found through an index instead of reading every message: when a lead becomes a
-- report its joined messages take the report's id (with each WhatsApp or SMS delivery that files one), and the
-- office's queue counts each lead's joined messages.

CREATE INDEX channel_messages_lead_idx ON channel_messages (lead_id) WHERE lead_id IS NOT NULL;
COMMENT ON INDEX channel_messages_lead_idx IS
  'The messages joined to a lead (digabung): read when the lead becomes a report and when the queue counts them.';

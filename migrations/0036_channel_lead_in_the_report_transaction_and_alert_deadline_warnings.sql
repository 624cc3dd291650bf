-- Two changes: a WhatsApp or SMS lead recorded in its report's transaction, and deadline warnings for alerts.
--
-- A WhatsApp or SMS lead becomes a report in the report's own transaction (decision 0043): the intake, which runs as
-- the reporter under row security, records the lead's outcome and queues its receipt with its COMMIT through this
-- function, instead of a statement of its own afterwards. The app role may not update a message's text or reading,
-- nor read or write the outbox; the function does exactly that for one lead, and only when:
--   * the transaction carries a verified actor (sigap_actor(): a ticket signed by the app, bound to the connection);
--   * the report was inserted by this very transaction (its xmin), with that actor as its reporter, on the lead's
--     channel, and its id is the one derived from the lead's id (as the app derives it), so one lead has one report;
--   * the actor is who the message reports as: the sender's account, or the channel's own reporter
--     (warga-whatsapp, warga-sms) for a sender without one;
--   * the lead is a lead (not joined to another), still waiting, with no report yet (it is locked).
-- What it writes is fixed: that lead's text (which must keep the lead's own text: joined texts only add to it), pin,
-- reading, status (dilaporkan) and report; its joined messages'
-- report where they have none; one receipt to the lead's own sender, on the lead's channel, once per report (the
-- withdrawal trigger of the outbox still applies). Anything else raises and rolls the whole intake back.

CREATE FUNCTION sigap_channel_lead_reported(
  p_lead uuid, p_report uuid, p_body text, p_latitude double precision, p_longitude double precision,
  p_reading jsonb, p_receipt text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  actor public.sigap_actor_t := public.sigap_actor();
  lead public.channel_messages%ROWTYPE;
  h text := encode(sha256(convert_to('channel-message:' || p_lead::text, 'UTF8')), 'hex');
BEGIN
  IF actor.user_id IS NULL THEN
    RAISE EXCEPTION 'sigap: a lead''s report needs a signed actor' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_report IS DISTINCT FROM (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8'
       || substr(h, 18, 3) || '-' || substr(h, 21, 12))::uuid THEN
    RAISE EXCEPTION 'sigap: not the report of this lead' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_body IS NULL OR length(p_body) > 20000 OR p_receipt IS NULL OR length(p_receipt) > 500 THEN
    RAISE EXCEPTION 'sigap: a lead''s text or receipt out of bounds' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO lead FROM public.channel_messages m
   WHERE m.id = p_lead AND m.lead_id IS NULL AND m.status = 'menunggu' AND m.report_id IS NULL
   FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'sigap: no waiting lead %', p_lead USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF strpos(p_body, lead.body) = 0 THEN
    RAISE EXCEPTION 'sigap: a lead''s text keeps what it said' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM public.reports r
     WHERE r.id = p_report AND r.reporter_id = actor.user_id AND r.channel = lead.channel
       AND r.xmin = pg_current_xact_id()::xid
  ) THEN
    RAISE EXCEPTION 'sigap: the lead''s report was not filed in this transaction by its reporter'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (lead.sender_user_id IS NOT NULL AND lead.sender_user_id <> actor.user_id)
     OR (lead.sender_user_id IS NULL AND NOT EXISTS (
       SELECT 1 FROM public.users u WHERE u.id = actor.user_id AND u.username = 'warga-' || lead.channel))
  THEN
    RAISE EXCEPTION 'sigap: the actor is not who the message reports as' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE public.channel_messages
     SET body = p_body, latitude = p_latitude, longitude = p_longitude, reading = p_reading, status = 'dilaporkan',
         report_id = p_report
   WHERE id = p_lead;
  UPDATE public.channel_messages SET report_id = p_report WHERE lead_id = p_lead AND report_id IS NULL;
  INSERT INTO public.channel_outbox (channel, recipient, body, event_key, message_id)
  VALUES (lead.channel, lead.sender, p_receipt, 'receipt:' || p_report::text, p_lead)
  ON CONFLICT (event_key) DO NOTHING;
END
$$;
REVOKE ALL ON FUNCTION sigap_channel_lead_reported(uuid, uuid, text, double precision, double precision, jsonb, text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_channel_lead_reported(uuid, uuid, text, double precision, double precision, jsonb, text)
  TO sigap_app;
COMMENT ON FUNCTION sigap_channel_lead_reported(uuid, uuid, text, double precision, double precision, jsonb, text) IS
  'Called by the report intake, as the reporter, in the transaction that filed a WhatsApp or SMS lead''s report: records the lead''s outcome and queues its receipt (decision 0043).';

-- An alert nobody acknowledged is warned of too, when four fifths of the time its level allows has gone (decision
-- 0032's share, measured from its raising or its last escalation): one row per alert and due time, as for reports
-- and cases.
ALTER TABLE deadline_warnings DROP CONSTRAINT deadline_warnings_subject_type_check;
ALTER TABLE deadline_warnings ADD CONSTRAINT deadline_warnings_subject_type_check
  CHECK (subject_type IN ('report', 'case', 'alert'));
COMMENT ON COLUMN deadline_warnings.deadline IS 'acknowledge: a report''s or an alert''s acknowledgement; response, resolve: a case''s first field response and resolution.';

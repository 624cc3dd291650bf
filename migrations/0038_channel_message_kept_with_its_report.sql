-- A new WhatsApp or SMS text that becomes a report by itself is kept with that report, in the report's own
-- transaction (decision 0046): the intake, which runs as the channel's own reporter under row security, keeps the
-- message already reported, appends its audit entry and queues its receipt with its COMMIT through this function,
-- instead of a statement of its own before the intake and an update of the message after it. The app role may not
-- insert messages, read phones, append audit entries under another name, nor touch the outbox; the function does
-- exactly that for one new message, and only when:
--   * the transaction carries a verified actor (sigap_actor(): a ticket signed by the app, bound to the connection)
--     and that actor is the channel's own reporter (warga-whatsapp, warga-sms), an account only the app acts as;
--   * the report was inserted by this very transaction (its xmin), with that actor as its reporter, on the message's
--     channel, and its id is the one derived from the message's id (as the app derives it for a lead);
--   * the number is nobody's: no active user has it and no active pillar (a known sender reports otherwise);
--   * the number is under its hourly limit and has no open draft (a lead of the last half hour), checked after taking
--     the number's own lock, so a message of the same number committed meanwhile is seen (the caller then takes the
--     message in the usual way, where it joins that draft);
--   * the provider's message id is new (the unique key raises for a retry racing the first delivery).
-- What it writes is fixed: one message (text, trust warga, the province's queue, status dilaporkan, the report), its
-- audit entry (as the channel, with the same details a message taken in the usual way has), and one receipt to that
-- message's sender, once per report (the withdrawal trigger of the outbox still applies). Anything else raises and
-- rolls the whole intake back.

CREATE FUNCTION sigap_channel_message_reported(
  p_id uuid, p_channel text, p_provider_id text, p_sender text, p_body text, p_received_at timestamptz,
  p_join_since timestamptz, p_hour_ago timestamptz, p_per_hour integer, p_report uuid, p_reading jsonb,
  p_receipt text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  actor public.sigap_actor_t := public.sigap_actor();
  h text := encode(sha256(convert_to('channel-message:' || p_id::text, 'UTF8')), 'hex');
BEGIN
  IF actor.user_id IS NULL THEN
    RAISE EXCEPTION 'sigap: a message''s report needs a signed actor' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM public.users u WHERE u.id = actor.user_id AND u.username = 'warga-' || p_channel
  ) THEN
    RAISE EXCEPTION 'sigap: only the channel''s own reporter keeps a new message' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_report IS DISTINCT FROM (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8'
       || substr(h, 18, 3) || '-' || substr(h, 21, 12))::uuid THEN
    RAISE EXCEPTION 'sigap: not the report of this message' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_body IS NULL OR length(p_body) > 20000 OR p_receipt IS NULL OR length(p_receipt) > 500
     OR p_sender IS NULL OR p_sender !~ '^\+[1-9][0-9]{6,14}$' OR p_provider_id IS NULL
     OR p_received_at IS NULL OR p_join_since IS NULL OR p_hour_ago IS NULL OR p_per_hour IS NULL
     OR p_join_since > p_received_at OR p_hour_ago > p_received_at OR p_per_hour < 1 THEN
    RAISE EXCEPTION 'sigap: a message''s fields out of bounds' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM public.reports r
     WHERE r.id = p_report AND r.reporter_id = actor.user_id AND r.channel = p_channel
       AND r.xmin = pg_current_xact_id()::xid
  ) THEN
    RAISE EXCEPTION 'sigap: the message''s report was not filed in this transaction by its reporter'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- one number at a time from here to the commit: what another delivery of it committed is seen below
  PERFORM pg_advisory_xact_lock(7302, hashtext(p_channel || ':' || p_sender));
  IF EXISTS (SELECT 1 FROM public.users u WHERE u.phone = p_sender AND u.is_active)
     OR EXISTS (SELECT 1 FROM public.pillars p WHERE p.phone = p_sender AND p.status = 'aktif') THEN
    RAISE EXCEPTION 'sigap: a known number reports as its owner' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (SELECT count(*) FROM public.channel_messages m
       WHERE m.channel = p_channel AND m.sender = p_sender AND m.received_at >= p_hour_ago) >= p_per_hour THEN
    RAISE EXCEPTION 'sigap: the number is past its hourly limit' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (
    SELECT 1 FROM public.channel_messages m
     WHERE m.channel = p_channel AND m.sender = p_sender AND m.received_at >= p_join_since AND m.lead_id IS NULL
       AND m.status IN ('menunggu', 'dilaporkan')
  ) THEN
    RAISE EXCEPTION 'sigap: the number has an open draft' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO public.channel_messages (id, channel, provider_id, sender, sender_user_id, trust, area_code,
    message_type, body, received_at, lead_id, status, reading, report_id)
  VALUES (p_id, p_channel, p_provider_id, p_sender, NULL, 'warga', '35', 'text', p_body, p_received_at, NULL,
    'dilaporkan', p_reading, p_report);
  PERFORM public.sigap_audit_append(NULL, 'kanal:' || p_channel, 'channel.message_received', 'channel_message',
    p_id::text, jsonb_build_object('channel', p_channel, 'type', 'text', 'trust', 'warga', 'joined', false,
      'limited', false));
  INSERT INTO public.channel_outbox (channel, recipient, body, event_key, message_id)
  VALUES (p_channel, p_sender, p_receipt, 'receipt:' || p_report::text, p_id)
  ON CONFLICT (event_key) DO NOTHING;
END
$$;
REVOKE ALL ON FUNCTION sigap_channel_message_reported(uuid, text, text, text, text, timestamptz, timestamptz,
  timestamptz, integer, uuid, jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_channel_message_reported(uuid, text, text, text, text, timestamptz, timestamptz,
  timestamptz, integer, uuid, jsonb, text) TO sigap_app;
COMMENT ON FUNCTION sigap_channel_message_reported(uuid, text, text, text, text, timestamptz, timestamptz,
  timestamptz, integer, uuid, jsonb, text) IS
  'Called by the report intake, as the channel''s own reporter, in the transaction that filed a new WhatsApp or SMS text''s report: keeps the message as reported, audits it and queues its receipt (decision 0046).';

// The envelope the WhatsApp Business Cloud API wraps every webhook delivery in, for the tests and benches that
// post to /api/channels/whatsapp as Meta does. What whatsapp-rules.ts reads lives in `value`.

/** One change of a delivery: its messages or statuses, and the metadata and contacts Meta adds. */
export type WhatsAppChangeValue = {
  metadata?: { display_phone_number: string; phone_number_id: string };
  contacts?: { profile: { name: string }; wa_id: string }[];
  messages?: Record<string, unknown>[];
  statuses?: Record<string, unknown>[];
};

/** A delivery of one change, as the Cloud API posts it (JSON text, ready to sign). */
export function whatsAppEnvelope(value: WhatsAppChangeValue): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      { id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', ...value } }] },
    ],
  });
}

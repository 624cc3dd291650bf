// The WhatsApp Business Cloud API webhook: what a delivery holds (entry[].changes[].value with messages[] and
// statuses[]) read into Sigap's own shape. Pure: no I/O, no crypto (the signature is checked by the service).
import { z } from 'zod';

const Message = z.looseObject({
  from: z.string().min(3).max(40),
  id: z.string().min(1).max(200),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string().min(1).max(40),
  text: z.looseObject({ body: z.string().max(5000) }).optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
  image: z
    .looseObject({ id: z.string().min(1).max(200), caption: z.string().max(5000).optional() })
    .optional(),
});

const Status = z.looseObject({
  id: z.string().min(1).max(200),
  status: z.string().min(1).max(40),
});

const Delivery = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      changes: z.array(
        z.looseObject({
          field: z.string().optional(),
          value: z.looseObject({
            messages: z.array(Message).optional(),
            statuses: z.array(Status).optional(),
          }),
        }),
      ),
    }),
  ),
});

/** One message of a delivery in Sigap's shape: text, a location pin or a photo (by media id). */
export type Inbound = {
  providerId: string;
  from: string;
  receivedAt: Date;
  type: 'text' | 'location' | 'image';
  text: string;
  latitude: number | null;
  longitude: number | null;
  mediaId: string | null;
};

export type DeliveryStatus = { providerId: string; status: 'diterima' | 'dibaca' | 'gagal' };

/** Thrown for a payload that is not a WhatsApp delivery; the message names the problem, never the content. */
export class MalformedDelivery extends Error {}

const STATUS: Record<string, DeliveryStatus['status'] | undefined> = {
  delivered: 'diterima',
  read: 'dibaca',
  failed: 'gagal',
};

/** Reads a delivery's messages and statuses; a message of another type is kept as a note of its type. */
export function readWhatsAppDelivery(payload: unknown): { messages: Inbound[]; statuses: DeliveryStatus[] } {
  const parsed = Delivery.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedDelivery(`${issue.path.join('.') || 'body'}: ${issue.code}`);
  }
  const messages: Inbound[] = [];
  const statuses: DeliveryStatus[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      for (const m of change.value.messages ?? []) messages.push(toInbound(m));
      for (const s of change.value.statuses ?? []) {
        const status = STATUS[s.status];
        if (status) statuses.push({ providerId: s.id, status });
      }
    }
  }
  return { messages, statuses };
}

function toInbound(m: z.infer<typeof Message>): Inbound {
  const base = {
    providerId: m.id,
    from: m.from,
    receivedAt: new Date(Number(m.timestamp) * 1000),
    latitude: null,
    longitude: null,
    mediaId: null,
  };
  if (m.type === 'text') {
    if (!m.text) throw new MalformedDelivery('messages.text: missing');
    return { ...base, type: 'text', text: m.text.body };
  }
  if (m.type === 'location') {
    if (!m.location) throw new MalformedDelivery('messages.location: missing');
    return {
      ...base,
      type: 'location',
      text: '',
      latitude: m.location.latitude,
      longitude: m.location.longitude,
    };
  }
  if (m.type === 'image') {
    if (!m.image) throw new MalformedDelivery('messages.image: missing');
    return { ...base, type: 'image', text: m.image.caption ?? '', mediaId: m.image.id };
  }
  // Audio, stickers, contacts cards…: kept (nothing is dropped) as a note the office can read.
  return { ...base, type: 'text', text: `(pesan ${m.type.slice(0, 20)})` };
}

// WhatsApp and SMS: what the gateways send in, and what the office sees of the messages taken in.
import { z } from 'zod';
import { Instant } from '../calendar-date.ts';
import { RegionCode } from '../regions.ts';
import { GpsPoint } from '../reports/report-schema.ts';
import { TextReadReply } from '../text-reader/text-read-schema.ts';

export const MessageChannel = z.enum(['whatsapp', 'sms']);
export type MessageChannel = z.infer<typeof MessageChannel>;

/** How far a sender is known: a Sigap user, a registered pillar without an account, or an unknown citizen. */
export const SenderTrust = z.enum(['pengguna', 'pilar', 'warga']);
export type SenderTrust = z.infer<typeof SenderTrust>;

export const MessageStatus = z.enum(['menunggu', 'dilaporkan', 'digabung', 'dibatasi']);

/** The generic SMS gateway webhook (JSON or form): who sent it, the text, the gateway's id, when it arrived. */
export const SmsDelivery = z.object({
  from: z.string().trim().min(3, 'from: nomor pengirim wajib').max(40),
  text: z.string().max(2000, 'text: maksimal 2.000 karakter'),
  id: z.string().trim().min(1, 'id: id pesan dari gateway wajib').max(200),
  /** ISO 8601, or epoch seconds (below 1e11) or milliseconds, within the dates JavaScript holds (8.64e15 ms). */
  receivedAt: z.union([Instant(), z.coerce.number().int().positive().max(8.64e15)]).optional(),
});
export type SmsDelivery = z.infer<typeof SmsDelivery>;

/** A message as the office sees it; `sender` is masked unless the viewer handles it. */
export const ChannelMessageView = z.object({
  id: z.string(),
  channel: MessageChannel,
  sender: z.string(),
  senderMasked: z.boolean(),
  trust: SenderTrust,
  areaCode: z.string(),
  areaName: z.string(),
  type: z.enum(['text', 'location', 'image']),
  text: z.string(),
  ...GpsPoint.shape,
  receivedAt: z.string(),
  status: MessageStatus,
  reportId: z.string().nullable(),
  /** The reader's suggestions for the text, with the deciding words: suggestions, to confirm or correct. */
  reading: TextReadReply.nullable(),
  /** How many later messages (a pin, a photo, more text) joined this one. */
  joined: z.number().int(),
});
export type ChannelMessageView = z.infer<typeof ChannelMessageView>;

export const ChannelMessageList = z.object({ items: z.array(ChannelMessageView) });
export type ChannelMessageList = z.infer<typeof ChannelMessageList>;

/** Placing a waiting message by hand: the kab/kota, kecamatan or desa where it happened. */
export const PlaceMessageInput = z.object({ regionCode: RegionCode });
export type PlaceMessageInput = z.infer<typeof PlaceMessageInput>;

export const PlaceMessageReply = z.object({ reportId: z.string(), priority: z.string() });
export type PlaceMessageReply = z.infer<typeof PlaceMessageReply>;

/** What a delivery did, per message: a report, joined to a draft, waiting for a place, or limited. */
export const DeliveryReply = z.object({
  received: z.number().int(),
  outcomes: z.array(
    z.object({ status: MessageStatus, reportId: z.string().nullable(), duplicate: z.boolean() }),
  ),
});
export type DeliveryReply = z.infer<typeof DeliveryReply>;

/** A report's short number as told to the sender: the first eight characters of its id. */
export function shortNumber(reportId: string): string {
  return reportId.slice(0, 8).toUpperCase();
}

// What the notice settings page sends and reads (zod: server and type checks; the web imports types only).
import { z } from 'zod';
import { NOTICE_CHANNELS, NOTICE_KINDS } from './notices.ts';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam:menit, mis. 22:00');

/** A user's own notice settings, as the settings page sends and reads them. */
export const NoticeSettings = z
  .object({
    phone: z.string().max(20).nullable(),
    email: z.email().max(254).nullable(),
    language: z.enum(['id', 'en']),
    quietFrom: HHMM.nullable(),
    quietUntil: HHMM.nullable(),
    choices: z
      .array(z.object({ kind: z.enum(NOTICE_KINDS), channel: z.enum(NOTICE_CHANNELS) }))
      .max(NOTICE_KINDS.length * NOTICE_CHANNELS.length),
  })
  .refine((s) => (s.quietFrom === null) === (s.quietUntil === null), {
    path: ['quietUntil'],
    message: 'isi awal dan akhir jam tenang, atau kosongkan keduanya',
  })
  .refine((s) => s.quietFrom === null || s.quietFrom !== s.quietUntil, {
    path: ['quietUntil'],
    message: 'akhir jam tenang harus berbeda dari awalnya',
  });
export type NoticeSettings = z.infer<typeof NoticeSettings>;

/** One line of the delivery log a user sees of their own notices. */
export const NoticeLogItem = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  channel: z.enum(NOTICE_CHANNELS),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const NoticeSettingsReply = z.object({ settings: NoticeSettings, log: z.array(NoticeLogItem) });
export type NoticeSettingsReply = z.infer<typeof NoticeSettingsReply>;

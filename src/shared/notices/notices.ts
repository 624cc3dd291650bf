// Notices to people who are not looking: the kinds a user may opt into, the channels, the user's settings, the
// quiet hours (WIB), and the notice texts — made only of a kind, a priority or level and a place, so that a lost
// phone shows no victim's name, no NIK and no phone number.
import { z } from 'zod';
import { LEVEL_LABELS, type Level } from '../early-warning/level-model.ts';

export const NOTICE_KINDS = ['p1', 'eskalasi', 'penugasan', 'peringatan'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_CHANNELS = ['whatsapp', 'sms', 'email'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** Where a notice links to in the app, and the words of it in both languages. */
export type NoticeFacts = {
  kind: NoticeKind;
  /** Sent even in the user's quiet hours: a P1 report, an alert at level Awas. */
  isUrgent: boolean;
  /** One event: the same key from a retry or a second instance sends nothing more. */
  eventKey: string;
  text: { id: string; en: string };
  path: string;
};

/** Digits that could be a phone number or a NIK, and e-mail addresses: never in a notice. */
export function safeForLostPhone(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '…')
    .replace(/\+?\d[\d\s.-]{6,}\d/g, '…')
    .slice(0, 300);
}

function facts(
  kind: NoticeKind,
  eventKey: string,
  path: string,
  id: string,
  en: string,
  isUrgent = false,
): NoticeFacts {
  return { kind, eventKey, path, isUrgent, text: { id: safeForLostPhone(id), en: safeForLostPhone(en) } };
}

/** The notices of each event, by kind. `place` is a region's name (desa, kecamatan or kab/kota). */
export const noticeOf = {
  p1(reportId: string, place: string): NoticeFacts {
    return facts(
      'p1',
      `report.p1:${reportId}`,
      `/kotak-masuk`,
      `Sigap: laporan P1 baru di ${place}. Segera tangani.`,
      `Sigap: new P1 report in ${place}. Act now.`,
      true,
    );
  },
  reportEscalated(reportId: string, to: string, priority: string, place: string): NoticeFacts {
    return facts(
      'eskalasi',
      `report.escalated:${reportId}:${to}`,
      `/kotak-masuk`,
      `Sigap: laporan ${priority} di ${place} dieskalasikan kepada Anda (belum diterima tepat waktu).`,
      `Sigap: a ${priority} report in ${place} was escalated to you (not acknowledged in time).`,
    );
  },
  caseEscalated(caseId: string, to: string, place: string): NoticeFacts {
    return facts(
      'eskalasi',
      `case.escalated:${caseId}:${to}`,
      `/kasus/${caseId}`,
      `Sigap: kasus di ${place} dieskalasikan kepada Anda (tenggat terlewati).`,
      `Sigap: a case in ${place} was escalated to you (deadline missed).`,
    );
  },
  assigned(caseId: string, userId: string, place: string): NoticeFacts {
    return facts(
      'penugasan',
      `case.assigned:${caseId}:${userId}`,
      `/tugas`,
      `Sigap: tugas baru untuk Anda di ${place}. Buka Sigap untuk melihat apa yang perlu dilakukan.`,
      `Sigap: a new assignment for you in ${place}. Open Sigap to see what to do.`,
    );
  },
  alert(alertId: string, level: Level, place: string, isEscalated: boolean): NoticeFacts {
    const label = LEVEL_LABELS[level];
    return facts(
      'peringatan',
      `${isEscalated ? 'alert.escalated' : 'alert.raised'}:${alertId}:${level}`,
      `/peringatan-dini`,
      isEscalated
        ? `Sigap: peringatan ${label.id} di ${place} dieskalasikan kepada Anda.`
        : `Sigap: peringatan ${label.id} di ${place}. Terima dan tindak lanjuti.`,
      isEscalated
        ? `Sigap: the ${label.en} alert in ${place} was escalated to you.`
        : `Sigap: ${label.en} alert in ${place}. Acknowledge and follow up.`,
      level === 'awas',
    );
  },
};

/** The full text sent: the words in the user's language and the link into the app. */
export function noticeText(
  notice: { textId: string; textEn: string; path: string },
  language: 'id' | 'en',
  baseUrl: string,
): string {
  const words = language === 'en' ? notice.textEn : notice.textId;
  return `${words} ${language === 'en' ? 'Open' : 'Buka'}: ${baseUrl}${notice.path}`;
}

const WIB_OFFSET_MINUTES = 7 * 60;

/**
 * When a user's quiet hours (minutes after midnight WIB, from ≠ until; across midnight when from > until) end,
 * if `now` is inside them; undefined outside them.
 */
export function quietHoursEnd(now: Date, from: number, until: number): Date | undefined {
  const minute = Math.floor((now.getTime() / 60_000 + WIB_OFFSET_MINUTES) % 1440);
  const inside = from < until ? minute >= from && minute < until : minute >= from || minute < until;
  if (!inside || from === until) return undefined;
  const wait = (until - minute + 1440) % 1440;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + wait * 60_000);
}

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

/** "22:00" ↔ 1320 minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

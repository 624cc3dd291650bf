// Notices to people who are not looking: the kinds a user may opt into, the channels, the user's settings, the
// quiet hours (WIB), and the notice texts — made only of a kind, a priority or level and a place, so that a lost
// phone shows no victim's name, no NIK and no phone number. Without zod (its schemas: notice-schema.ts), so the
// web pages can take these constants without evaluating code at load.

export const NOTICE_KINDS = ['p1', 'eskalasi', 'penugasan', 'peringatan', 'tenggat'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_CHANNELS = ['whatsapp', 'sms', 'email'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** Where a notice links to in the app, and the words of it in both languages. */
export type NoticeFacts = {
  kind: NoticeKind;
  /** Sent even in the user's quiet hours: a P1 report (also its deadline about to pass), an alert at level Awas. */
  isUrgent: boolean;
  /** One event: the same key from a retry or a second instance sends nothing more. */
  eventKey: string;
  text: { id: string; en: string };
  path: string;
};

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

/** "22:00" ↔ 1320 minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

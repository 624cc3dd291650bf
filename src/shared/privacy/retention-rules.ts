// Retention and anomaly settings (UU 27/2022 Pasal 43–46): how long personal data stays before the retention job
// anonymises it, when a backup is too old to keep, and when reading, signing in or exporting looks like a breach.
// Pure: the server and the web share it.
import { z } from 'zod';
import { WIB_OFFSET_MINUTES } from '../time.ts';

/** The settings the data protection officer and the admin edit, each with its bounds. */
export const PrivacySettings = z
  .object({
    /** Personal data of a case closed more than this many years ago is anonymised. */
    caseClosedYears: z.number().int().min(1).max(30),
    /** A citizen reporter's number, message and location are anonymised after this many months. */
    reporterMonths: z.number().int().min(1).max(120),
    /** A pillar inactive for this many years is anonymised. */
    pillarInactiveYears: z.number().int().min(1).max(30),
    /** One account reading this many different records of people within the window … */
    readsThreshold: z.number().int().min(5).max(100_000),
    readsWindowMinutes: z.number().int().min(5).max(1440),
    /** This many different accounts failing to sign in from one address within the window … */
    failedAccountsThreshold: z.number().int().min(2).max(10_000),
    failedWindowMinutes: z.number().int().min(5).max(1440),
    /** An export of personal data from this hour (WIB) up to `nightToHour` counts as at night. */
    nightFromHour: z.number().int().min(0).max(23),
    nightToHour: z.number().int().min(0).max(23),
  })
  .strict();
export type PrivacySettings = z.infer<typeof PrivacySettings>;

/** `date` moved back by whole calendar months (UTC), as the retention periods count. */
export function monthsBefore(date: Date, months: number): Date {
  const moved = new Date(date.getTime());
  moved.setUTCMonth(moved.getUTCMonth() - months);
  return moved;
}

/** The instants before which each rule's records are due for anonymisation. */
export function retentionCutoffs(
  settings: Pick<PrivacySettings, 'caseClosedYears' | 'reporterMonths' | 'pillarInactiveYears'>,
  now: Date,
): { caseClosedBefore: Date; reportedBefore: Date; pillarInactiveBefore: Date } {
  return {
    caseClosedBefore: monthsBefore(now, settings.caseClosedYears * 12),
    reportedBefore: monthsBefore(now, settings.reporterMonths),
    pillarInactiveBefore: monthsBefore(now, settings.pillarInactiveYears * 12),
  };
}

/**
 * How old a backup may get, in months: the shortest retention period. A backup older than that still holds
 * personal data the retention job has anonymised in the database since, so the backup job deletes it.
 */
export function backupMaxAgeMonths(
  settings: Pick<PrivacySettings, 'caseClosedYears' | 'reporterMonths' | 'pillarInactiveYears'>,
): number {
  return Math.min(settings.reporterMonths, settings.caseClosedYears * 12, settings.pillarInactiveYears * 12);
}

/** Whether an instant falls in the night (WIB hours from `fromHour` up to, not including, `toHour`). */
export function isNightWib(at: Date, fromHour: number, toHour: number): boolean {
  const hour = new Date(at.getTime() + WIB_OFFSET_MINUTES * 60_000).getUTCHours();
  if (fromHour === toHour) return false;
  return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
}

/** The tables the retention job anonymises, with what each record is, in Indonesian. */
export const RETENTION_TABLES = {
  vulnerable_people: 'Orang rentan dalam kasus yang sudah lama ditutup',
  reports: 'Laporan lapangan dalam kasus yang sudah lama ditutup',
  channel_messages: 'Pesan WhatsApp/SMS (pelapor warga, atau kasus lama)',
  pillars: 'Pilar sosial yang lama tidak aktif',
} as const;
export type RetentionTable = keyof typeof RETENTION_TABLES;

/** What a retention run changed (or, dry, would change): per table, the count and the record ids. */
export const RetentionPlan = z.object({
  dryRun: z.boolean(),
  /** When the plan was made, in WIB. */
  at: z.string(),
  cutoffs: z.object({
    caseClosedBefore: z.string(),
    reportedBefore: z.string(),
    pillarInactiveBefore: z.string(),
  }),
  tables: z.array(
    z.object({ table: z.string(), label: z.string(), count: z.number(), ids: z.array(z.string()) }),
  ),
  /** Records due but kept: a legal hold, or a case still open. */
  kept: z.number(),
});
export type RetentionPlan = z.infer<typeof RetentionPlan>;

/** The kinds of anomaly signal, in Indonesian. */
export const SIGNAL_LABELS = {
  baca_massal: 'Satu akun membaca data banyak orang dalam waktu singkat',
  gagal_masuk: 'Banyak akun gagal masuk dari satu alamat jaringan',
  ekspor_malam: 'Ekspor data pribadi pada malam hari (WIB)',
} as const;
export type SignalKind = keyof typeof SIGNAL_LABELS;

/** The key of one signal in one window: the same signal in the same window opens one suspected breach. */
export function signalKey(kind: SignalKind, subject: string, now: Date, windowMinutes: number): string {
  return `${kind}:${subject}:${Math.floor(now.getTime() / (windowMinutes * 60_000))}`;
}

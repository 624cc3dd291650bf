import { z } from 'zod';

/** A passphrase that seals a backup instead of the data key: long enough to resist guessing. */
export const BackupPassphrase = z
  .string()
  .min(12, 'frasa sandi minimal 12 karakter / a passphrase needs at least 12 characters')
  .max(200);

/** POST /api/admin/backup: the data key seals the file unless a passphrase is given. */
export const BackupRequest = z.object({ passphrase: BackupPassphrase.optional() });
export type BackupRequest = z.infer<typeof BackupRequest>;

/** The scheduled-backup settings: a daily time in WIB, an absolute folder on the server, how many files to keep. */
export const BackupSchedule = z.object({
  isEnabled: z.boolean(),
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam:menit, mis. 02:00 / HH:MM'),
  folder: z.string().trim().max(500),
  keep: z.number().int().min(1).max(365),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;

/** What the admin sees of scheduled backups: the settings, the last success and the last failure. */
export const BackupStatus = z.object({
  schedule: BackupSchedule,
  lastSuccess: z.object({ at: z.string(), fileName: z.string(), bytes: z.number() }).nullable(),
  lastFailure: z.object({ at: z.string(), error: z.string() }).nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

/** GET /api/admin/audit-head: the audit trail's current head, signed, for the admin to keep outside Sigap. */
export const AuditHeadView = z.object({
  head: z
    .object({
      /** The whole line `npm run sigap -- audit verify --head <line>` checks against. */
      line: z.string(),
      seq: z.number().int(),
      hash: z.string(),
      /** When the head was signed, in WIB. */
      at: z.string(),
    })
    .nullable(),
  /** When the scheduled job last wrote the head to its folder (WIB), or null if it has not yet. */
  lastAnchoredAt: z.string().nullable(),
});
export type AuditHeadView = z.infer<typeof AuditHeadView>;

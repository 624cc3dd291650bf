import { z } from 'zod';

/** A passphrase that seals a backup instead of the data key: long enough to resist guessing. */
export const BackupPassphrase = z
  .string()
  .min(12, 'frasa sandi minimal 12 karakter / a passphrase needs at least 12 characters')
  .max(200);

/** POST /api/admin/backup: the data key seals the file unless a passphrase is given. */
export const BackupRequest = z.object({ passphrase: BackupPassphrase.optional() });
export type BackupRequest = z.infer<typeof BackupRequest>;

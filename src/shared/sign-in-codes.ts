// One-time sign-in codes and accounts made in bulk from the pillar registry: what the API takes and answers.
import { z } from 'zod';
import { ListCode, PillarStatus } from './pillars/pillar-schema.ts';
import { RegionCode } from './regions.ts';
import { Password, UserNames } from './users.ts';

/** Signing in with a one-time code: the username, the code from the sheet or operator, and a new password. */
export const CodeSignInInput = z.object({
  username: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(40),
  newPassword: Password,
});
export type CodeSignInInput = z.infer<typeof CodeSignInInput>;

/** A code as shown once: to whom, the code, until when (WIB). */
export const IssuedCodeView = z.object({
  ...UserNames.shape,
  code: z.string(),
  expiresAt: z.string(),
});
export type IssuedCodeView = z.infer<typeof IssuedCodeView>;

/** Which registry people get accounts: by type, skill, status and area (a kab/kota, kecamatan or desa). */
export const PillarAccountsInput = z.object({
  pillarType: ListCode.optional(),
  skill: ListCode.optional(),
  region: RegionCode.optional(),
  status: PillarStatus.default('aktif'),
});
export type PillarAccountsInput = z.infer<typeof PillarAccountsInput>;

export const PillarAccountsReply = z.object({
  created: z.array(IssuedCodeView.extend({ pillarId: z.string(), homeRegionCode: z.string() })),
  skipped: z.number().int(),
  remaining: z.number().int(),
  /** The printed sheet of the new codes (PDF, base64), to hand out; null when no account was made. */
  sheet: z.object({ fileName: z.string(), pdfBase64: z.string() }).nullable(),
});
export type PillarAccountsReply = z.infer<typeof PillarAccountsReply>;

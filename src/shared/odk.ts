import { z } from 'zod';
import { CredentialUse, Username } from './users.ts';

/** A phone's ODK token as the device page lists it (never the token itself). */
export const OdkDevice = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  ...CredentialUse.shape,
  revokedAt: z.string().nullable(),
});
export type OdkDevice = z.infer<typeof OdkDevice>;

/** A new device token: whose phone it is and a description to recognise it later. */
export const OdkDeviceInput = z.object({
  username: Username,
  label: z.string().trim().max(200).default(''),
});
export type OdkDeviceInput = z.infer<typeof OdkDeviceInput>;

/**
 * A created device token, shown once: the server URL holding it (what Collect is given), and an SVG QR code
 * of Collect's settings for that URL.
 */
export const OdkDeviceCreated = z.object({
  device: OdkDevice,
  token: z.string(),
  serverUrl: z.string(),
  qrSvg: z.string(),
});
export type OdkDeviceCreated = z.infer<typeof OdkDeviceCreated>;

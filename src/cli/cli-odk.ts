import { createDevice, listDevices, revokeDevice } from '../server/modules/odk/odk-devices-service.ts';
import type { Database } from '../server/platform/db.ts';
import { CLI_ACTOR, type CliOutput, type ExitCode } from './cli-commands.ts';

/** `odk token create`: whose phone it is and a description. */
export type OdkTokenCreateArgs = { username: string; label?: string };
/** `odk token revoke`: the device token's id, as `odk token list` shows it. */
export type OdkTokenRevokeArgs = { id: string };
/** `odk token list`: every device token, or one user's. */
export type OdkTokenListArgs = { username?: string };

/**
 * `odk token create`: prints the server URL for ODK Collect, then the token alone on the last line, so scripts
 * can take `tail -n 1`.
 */
export async function createOdkTokenCommand(
  db: Database,
  args: OdkTokenCreateArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const { device, token } = await createDevice(db, CLI_ACTOR, args.username, args.label ?? '');
  output.out(`Token ponsel ODK dibuat / ODK device token created: ${device.username} (id ${device.id})`);
  output.out(
    'Alamat server di ODK Collect / server URL in ODK Collect: https://<alamat-sigap>/odk/key/<token>',
  );
  output.out('Simpan sekarang; tidak akan ditampilkan lagi. / Keep it now; it will not be shown again.');
  output.out(token);
  return 0;
}

/** `odk token revoke`: the phone is refused from its next request on. */
export async function revokeOdkTokenCommand(
  db: Database,
  args: OdkTokenRevokeArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const device = await revokeDevice(db, CLI_ACTOR, args.id);
  output.out(`Token ponsel dicabut / device token revoked: ${device.username} (id ${device.id})`);
  return 0;
}

/** `odk token list`: one line per device token, newest first; never the token itself. */
export async function listOdkTokensCommand(
  db: Database,
  args: OdkTokenListArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const devices = await listDevices(db, CLI_ACTOR, args.username);
  if (devices.length === 0) {
    output.out('Belum ada token ponsel / no device tokens yet');
    return 0;
  }
  for (const d of devices) {
    const state = d.revokedAt ? `dicabut/revoked ${d.revokedAt}` : 'aktif/active';
    const used = d.lastUsedAt ?? '-';
    output.out(
      `${d.id}  ${d.username}  ${state}  dibuat/created ${d.createdAt}  dipakai/used ${used}  ${d.label}`,
    );
  }
  return 0;
}

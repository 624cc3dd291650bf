// Accounts from the console: deactivating and reactivating a user, listing and revoking their API tokens.
import { listAccessOf, revokeTokenOf } from '../server/modules/auth/access-service.ts';
import { setActive } from '../server/modules/users/users-service.ts';
import type { Database } from '../server/platform/db.ts';
import { toWibIso } from '../shared/time.ts';
import { CLI_ACTOR, type CliOutput, type ExitCode } from './cli-commands.ts';

/** Commands that name one user. */
export type UsernameArgs = { username: string };

/** `token revoke`: the owner and the token's id. */
export type TokenRevokeArgs = { username: string; id: string };

/** `user deactivate` / `user reactivate`. */
export async function setActiveCommand(
  db: Database,
  args: UsernameArgs,
  isActive: boolean,
  output: CliOutput,
): Promise<ExitCode> {
  await setActive(db, CLI_ACTOR, args.username, isActive);
  output.out(
    isActive
      ? `Pengguna ${args.username} aktif kembali / user ${args.username} reactivated`
      : `Pengguna ${args.username} dinonaktifkan, sesi dan token API-nya diakhiri / ` +
          `user ${args.username} deactivated, their sessions and API tokens ended`,
  );
  return 0;
}

/** `token list`: one line per live token, tab-separated: id, label, created, last used, expiry (WIB). */
export async function listTokensCommand(
  db: Database,
  args: UsernameArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const { tokens } = await listAccessOf(db, CLI_ACTOR, args.username);
  output.out('id\tlabel\tdibuat/created\tterakhir dipakai/last used\tberakhir/expires');
  for (const token of tokens) {
    output.out(
      [
        token.id,
        token.label || '-',
        toWibIso(token.createdAt),
        token.lastUsedAt ? toWibIso(token.lastUsedAt) : '-',
        toWibIso(token.expiresAt),
      ].join('\t'),
    );
  }
  return 0;
}

/** `token revoke`. */
export async function revokeTokenCommand(
  db: Database,
  args: TokenRevokeArgs,
  output: CliOutput,
): Promise<ExitCode> {
  await revokeTokenOf(db, CLI_ACTOR, args.username, args.id);
  output.out(`Token ${args.id} dicabut / revoked`);
  return 0;
}

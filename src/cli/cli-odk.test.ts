import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { createUser } from '../server/modules/users/users-service.ts';
import { loadConfig } from '../server/platform/config.ts';
import type { Database } from '../server/platform/db.ts';
import { captureOutput, runSigap, useCliTarget, withDatabase } from './cli-test-helpers.ts';
import { runCli } from './sigap.ts';

// Each spawn starts Node and opens the database: seconds each, more on a busy machine.
const SPAWN_TIMEOUT_MS = 60_000;

describe('sigap CLI: ODK device tokens', { timeout: SPAWN_TIMEOUT_MS }, () => {
  const target = useCliTarget();
  beforeAll(async () => {
    await withDatabase(target, async (db) => {
      await createUser(
        db,
        { id: null, label: 'uji' },
        { username: 'tagana.jember', role: 'relawan', region: '35.09', password: 'kata-sandi-uji-1' },
      );
    });
  });

  /** Asks the app on the CLI's database for the form list with a device token. */
  async function formListStatus(db: Database, token: string): Promise<number> {
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', SIGAP_JOBS: 'false', ...target.env }),
      db,
      logger: false,
    });
    try {
      return (await app.inject({ url: `/odk/key/${token}/formList` })).statusCode;
    } finally {
      await app.close();
    }
  }

  it('prints a device token on the last line that ODK Collect can use, lists it without the token, and revokes it', async () => {
    const issued = await runSigap(
      ['odk', 'token', 'create', '--username', 'tagana.jember', '--label', 'HP Tagana'],
      target.env,
    );
    expect(issued.stderr).toBe('');
    expect(issued.code).toBe(0);
    const token = issued.stdout.trimEnd().split('\n').at(-1) as string;
    expect(token).toMatch(/^odk_[\w-]{20,}$/);

    let db = await target.open();
    try {
      expect(await formListStatus(db, token)).toBe(200);
    } finally {
      await db.close();
    }

    const listed = captureOutput();
    expect(await runCli(['odk', 'token', 'list', '--username', 'tagana.jember'], target.env, listed)).toBe(0);
    expect(listed.stdout).toHaveLength(1);
    expect(listed.stdout[0]).toMatch(/tagana\.jember {2}aktif\/active .*HP Tagana$/);
    expect(listed.stdout.join('\n')).not.toContain(token);
    const id = listed.stdout[0].split(' ')[0];

    const revoked = captureOutput();
    expect(await runCli(['odk', 'token', 'revoke', '--id', id], target.env, revoked)).toBe(0);
    const again = captureOutput();
    expect(await runCli(['odk', 'token', 'revoke', '--id', id], target.env, again)).toBe(2);
    expect(again.stderr.join('\n')).toMatch(/sudah dicabut/);

    db = await target.open();
    try {
      expect(await formListStatus(db, token)).toBe(401);
    } finally {
      await db.close();
    }
  });

  it('refuses a token for a user who does not exist and a malformed id', async () => {
    const unknown = captureOutput();
    expect(await runCli(['odk', 'token', 'create', '--username', 'tidak.ada'], target.env, unknown)).not.toBe(
      0,
    );
    const malformed = captureOutput();
    expect(await runCli(['odk', 'token', 'revoke', '--id', '12'], target.env, malformed)).toBe(2);
  });
});

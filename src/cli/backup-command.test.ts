import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../test/db-template.ts';
import { freePort } from '../../test/free-port.ts';
import { createUser } from '../server/modules/users/users-service.ts';
import { CLI_ACTOR } from './cli-commands.ts';
import { type CliTarget, captureOutput, createCliTarget, runSigap } from './cli-test-helpers.ts';
import { runCli } from './sigap.ts';

// Each spawn starts Node and opens the database: seconds each, more on a busy machine.
const TIMEOUT_MS = 600_000;
// A restore into a new folder migrates it first: more than a minute on a loaded machine.
const SPAWN_MS = 240_000;

/** The data key a target uses: its SIGAP_DATA_KEY, or the key an embedded folder generated for itself. */
function dataKeyOf(target: CliTarget): string {
  return target.env.SIGAP_DATA_KEY ?? readFileSync(path.join(target.dataDir, 'data-key'), 'utf8').trim();
}

describe('sigap backup / restore', { timeout: TIMEOUT_MS }, () => {
  let source: CliTarget;
  let target: CliTarget;
  const file = () => path.join(source.dataDir, 'cadangan.sigapbak');
  beforeAll(async () => {
    source = await createCliTarget();
    target = await createCliTarget({ isFresh: true }); // nothing at all: no schema
    // Made in this process (a spawn less): a user, so the backup holds more than the regions.
    const db = await source.open();
    try {
      await createUser(db, CLI_ACTOR, {
        username: 'op_jember',
        role: 'operator',
        region: '35.09',
        password: 'kata-sandi-uji-1',
      });
    } finally {
      await db.close();
    }
  }, TIMEOUT_MS);
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
  });

  it('backs up, restores into a database with no schema, and the audit chain verifies with the same head', async () => {
    const backup = await runSigap(['backup', '--output', file()], source.env, SPAWN_MS);
    expect(backup.stderr).not.toMatch(/gagal/);
    expect(backup.code).toBe(0);
    const head = backup.stdout.match(/audit seq (\d+) ([0-9a-f]{64})/);
    expect(head).not.toBeNull();

    const env = { ...target.env, SIGAP_DATA_KEY: dataKeyOf(source) };
    const restored = await runSigap(['restore', '--input', file()], env, SPAWN_MS);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/row counts equal the manifest/);
    // the restored chain checked in this process: the spawned audit verify is sigap.test.ts's
    const verify = captureOutput();
    expect(await runCli(['audit', 'verify'], env, verify)).toBe(0);
    expect(verify.stdout.join('\n')).toContain(`head ${head?.[2]}`);

    // A second restore meets a database that now holds users and reports: refused, nothing changed.
    const again = await runSigap(['restore', '--input', file()], env, SPAWN_MS);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/tidak kosong/);
  });

  it('refuses a file changed by one byte and a wrong passphrase', async () => {
    // All in this process (the spawned backup and restore are the test above), into an empty copy of the migrated
    // template: a database with no schema is the test above too.
    const run = async (args: string[], env: Record<string, string>) => {
      const output = captureOutput();
      const code = await runCli(args, env, output);
      return { code, stderr: output.stderr.join('\n') };
    };
    const passFile = path.join(source.dataDir, 'frasa.txt');
    writeFileSync(passFile, 'frasa sandi kantor dinsos\n');
    const sealed = path.join(source.dataDir, 'frasa.sigapbak');
    expect((await run(['backup', '--output', sealed, '--passphrase-file', passFile], source.env)).code).toBe(
      0,
    );
    writeFileSync(passFile, 'frasa yang keliru sekali\n');
    const empty = await createCliTarget();
    try {
      const env = { ...empty.env, SIGAP_DATA_KEY: dataKeyOf(source) };
      const wrong = await run(['restore', '--input', sealed, '--passphrase-file', passFile], env);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/salah/);
      const bytes = readFileSync(file());
      bytes[bytes.length - 40] ^= 0x10;
      const tampered = path.join(source.dataDir, 'diubah.sigapbak');
      writeFileSync(tampered, bytes);
      const changed = await run(['restore', '--input', tampered], env);
      expect(changed.code).toBe(2);
      expect(changed.stderr).toMatch(/rusak atau telah diubah/);
    } finally {
      await empty.dispose();
    }
  });
});

describe.skipIf(TEST_DATABASE_URL)(
  'sigap backup while a server holds the embedded folder',
  { timeout: TIMEOUT_MS },
  () => {
    let source: CliTarget;
    let server: ChildProcess | undefined;
    afterAll(async () => {
      server?.kill('SIGKILL');
      await source?.dispose();
    });

    it('asks the running server for the backup instead of opening the folder', async () => {
      source = await createCliTarget();
      const port = await freePort();
      server = spawn(process.execPath, [path.resolve(import.meta.dirname, '../server/main.ts')], {
        env: {
          ...process.env,
          ...source.env,
          DATABASE_URL: '',
          PORT: String(port),
          HOST: '127.0.0.1',
          SIGAP_JOBS: 'false',
          LOG_LEVEL: 'warn',
          SIGAP_ADMIN_PASSWORD: 'rahasia-admin-1',
        },
        stdio: 'ignore',
      });
      const control = path.join(source.dataDir, 'sigap-server.json');
      for (let i = 0; i < 400 && !existsSync(control); i++) await new Promise((r) => setTimeout(r, 250));
      expect(existsSync(control)).toBe(true);

      const out = path.join(source.dataDir, 'langsung.sigapbak');
      const backup = await runSigap(['backup', '--output', out], source.env, SPAWN_MS);
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/running server/);
      expect(readFileSync(out).subarray(0, 8).toString()).toBe('SIGAPBK1');

      // The control secret works only for this server's own backup route, not as a way in elsewhere.
      const { secret } = JSON.parse(readFileSync(control, 'utf8')) as { secret: string };
      const users = await fetch(`http://127.0.0.1:${port}/api/users`, {
        headers: { 'x-sigap-control': secret },
      });
      expect(users.status).toBe(401);
      const anonymous = await fetch(`http://127.0.0.1:${port}/api/admin/backup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(anonymous.status).toBe(401);

      server.kill('SIGTERM');
      await new Promise((r) => server?.once('exit', r));
      expect(existsSync(control)).toBe(false);
      rmSync(out);
    });
  },
);

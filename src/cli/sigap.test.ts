import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../test/db-template.ts';
import { buildApp } from '../server/app.ts';
import { login } from '../server/modules/auth/auth-service.ts';
import { appendAudit, auditHead, SYSTEM_ACTOR } from '../server/platform/audit.ts';
import { loadConfig } from '../server/platform/config.ts';
import { COMMAND_SPECS, type CommandName } from './cli-help.ts';
import { captureOutput, runSigap, useCliTarget, withDatabase } from './cli-test-helpers.ts';
import { runCli } from './sigap.ts';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../migrations');
const noSleep = async () => undefined;
// Each spawn starts Node and opens the database: seconds each, minutes on a busy machine (a test spawns at most two).
const SPAWN_TIMEOUT_MS = 360_000;

describe('sigap CLI: help and wrong input', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('prints the overview on --help, Indonesian first then English, and exits 0', async () => {
    const run = await runSigap(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf('Perintah:')).toBeGreaterThan(-1);
    expect(run.stdout.indexOf('Perintah:')).toBeLessThan(run.stdout.indexOf('Commands:'));
    for (const name of Object.keys(COMMAND_SPECS)) expect(run.stdout).toContain(name);
  });

  it.each(Object.keys(COMMAND_SPECS) as CommandName[])(
    'prints the help of %s without reading the configuration or opening a database',
    async (name) => {
      const output = captureOutput();
      // A broken configuration proves --help never gets as far as the database.
      const code = await runCli([...name.split(' '), '--help'], { PORT: 'bukan-angka' }, output);
      expect(code).toBe(0);
      const text = output.stdout.join('\n');
      expect(text).toMatch(new RegExp(`^Pemakaian: npm run sigap -- ${name}`));
      expect(text.indexOf('Pemakaian:')).toBeLessThan(text.indexOf('Usage:'));
      for (const flag of COMMAND_SPECS[name].flags) expect(text).toContain(`--${flag.name}`);
    },
  );

  it('refuses an unknown command with exit 2 and one line in both languages', async () => {
    const run = await runSigap(['laporan']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('Perintah tidak dikenal: laporan / unknown command: laporan'),
    ]);
  });

  it('refuses user create with a role that does not exist, naming the allowed ones', async () => {
    // in this process: the exit code of a spawned process is the unknown command's test above
    const output = captureOutput();
    const args = ['user', 'create', '--username', 'sari', '--role', 'bupati', '--region', '35.09'];
    expect(await runCli(args, {}, output)).toBe(2);
    expect(output.stdout).toEqual([]);
    expect(output.stderr).toEqual([
      expect.stringMatching(/Peran tidak dikenal: bupati .*operator.* \/ unknown role: bupati/),
    ]);
  });

  it('reports a configuration error with its message and exit 2', async () => {
    const output = captureOutput();
    const code = await runCli(['audit', 'head'], { DATABASE_URL: 'mysql://localhost/sigap' }, output);
    expect(code).toBe(2);
    expect(output.stderr.join('\n')).toMatch(/DATABASE_URL: harus diawali postgres:\/\//);
  });
});

describe('sigap CLI on a prepared database', { timeout: SPAWN_TIMEOUT_MS }, () => {
  const target = useCliTarget();

  it('creates a user, audited as cli, then prints on the last line a token that the API accepts', async () => {
    const created = await runSigap(
      [
        'user',
        'create',
        '--username',
        'budi.jember',
        '--role',
        'operator',
        '--region',
        '35.09',
        '--name',
        'Budi',
      ],
      target.env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.lines[0]).toBe('Pengguna dibuat / user created: budi.jember (operator, 35.09)');
    expect(created.lines.at(-1)).toMatch(/^Kata sandi \/ password: \S{10,}$/);

    const issued = await runSigap(
      ['token', 'create', '--username', 'budi.jember', '--label', 'uji'],
      target.env,
    );
    expect(issued.code).toBe(0);
    const token = issued.stdout.trimEnd().split('\n').at(-1) as string;
    expect(token).toMatch(/^sgp_[\w-]{20,}$/);

    await withDatabase(target, async (db) => {
      const app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', SIGAP_JOBS: 'false', ...target.env }),
        db,
        logger: false,
      });
      const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
      await app.close();
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ username: 'budi.jember', displayName: 'Budi', role: 'operator' });
      const labels = await db.asSystem((tx) =>
        tx.query<{ action: string; actorLabel: string }>(
          `SELECT action, actor_label AS "actorLabel" FROM audit_log
           WHERE action IN ('user.created', 'api_token.created') ORDER BY seq`,
        ),
      );
      expect(labels).toEqual([
        { action: 'user.created', actorLabel: 'cli' },
        { action: 'api_token.created', actorLabel: 'cli' },
      ]);
    });
  });

  it('refuses a region that does not exist and a username already taken, with exit 2', async () => {
    const operator = (username: string, region: string) =>
      ['user', 'create', '--username', username, '--role', 'operator', '--region', region] as const;
    await withDatabase(target, async (db) => {
      const unknownRegion = captureOutput();
      expect(await runCli(operator('rina.baru', '35.99'), target.env, unknownRegion, db)).toBe(2);
      expect(unknownRegion.stderr).toEqual([
        expect.stringMatching(/Wilayah tidak dikenal: 35\.99.* \/ invalid/),
      ]);
      const taken = captureOutput();
      expect(await runCli(operator('budi.jember', '35.09'), target.env, taken, db)).toBe(2);
      expect(taken.stderr).toEqual([expect.stringMatching(/budi\.jember sudah dipakai \/ already exists/)]);
    });
  });

  it('resets a password: the printed one signs in, the old one no longer does', async () => {
    await withDatabase(target, async (db) => {
      const run = captureOutput();
      const args = ['user', 'reset-password', '--username', 'budi.jember'];
      expect(await runCli(args, target.env, run, db)).toBe(0);
      const printed = /^Kata sandi baru \/ new password: (\S+)$/.exec(run.stdout.at(-1) as string);
      const password = printed?.[1];
      expect(password).toBeDefined();

      const config = loadConfig({});
      const signIn = await login(
        db,
        config,
        { username: 'budi.jember', password: password as string, address: '127.0.0.1' },
        noSleep,
      );
      expect(signIn.principal.user.username).toBe('budi.jember');
      await expect(
        login(
          db,
          config,
          { username: 'budi.jember', password: 'bukan-sandinya', address: '127.0.0.1' },
          noSleep,
        ),
      ).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
    });
  });

  it('verifies the audit chain, prints its head, and names the first entry changed afterwards', async () => {
    const shown = await runSigap(['audit', 'head'], target.env);
    expect(shown.code).toBe(0);
    const [, seq, hash] = /^seq (\d+) hash ([0-9a-f]{64})$/.exec(shown.lines.at(-1) as string) ?? [];

    const db = await target.open();
    let changedSeq: number;
    try {
      // the intact chain in this process; the broken one below through a process of its own
      const verified = captureOutput();
      expect(await runCli(['audit', 'verify'], target.env, verified, db)).toBe(0);
      const [, entries, head] =
        /^OK: (\d+) entri, head ([0-9a-f]{64})$/.exec(verified.stdout.at(-1) as string) ?? [];
      expect(Number(entries)).toBeGreaterThan(0);
      expect(hash).toBe(head);
      expect(await auditHead(db)).toEqual({ seq: Number(seq), hash });
      const row = await db.asSystem((tx) =>
        tx.one<{ seq: number }>(
          "SELECT seq FROM audit_log WHERE action = 'user.created' ORDER BY seq LIMIT 1",
        ),
      );
      changedSeq = row?.seq as number;
      await db.asSystem((tx) =>
        tx.query(`UPDATE audit_log SET details = '{"role": "admin"}' WHERE seq = $1`, [changedSeq]),
      );
    } finally {
      await db.close();
    }

    const broken = await runSigap(['audit', 'verify'], target.env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `RUSAK / BROKEN: seq ${changedSeq}: isi entri diubah / entry content was changed`,
    );
  });

  it('checks the chain against a head kept outside, catching a deleted last entry', async () => {
    // in this process: the exit codes of a spawned audit verify are the previous test's
    const db = await target.open();
    const verify = async (...args: string[]) => {
      const output = captureOutput();
      const code = await runCli(['audit', 'verify', ...args], target.env, output, db);
      return { code, stdout: output.stdout.join('\n') };
    };
    try {
      // an intact chain of its own: the previous test changed an entry of this one
      await db.asSystem((tx) => tx.query('DELETE FROM audit_log'));
      for (let i = 0; i < 3; i++) {
        await db.asSystem((tx) =>
          appendAudit(tx, SYSTEM_ACTOR, 'uji.dicatat', { type: 'uji', id: String(i) }),
        );
      }
      const kept = (await auditHead(db))!;
      const head = `${kept.seq}:${kept.hash}`;
      expect((await verify('--head', head)).code).toBe(0);

      await db.asSystem((tx) => tx.query('DELETE FROM audit_log WHERE seq = $1', [kept.seq]));
      expect((await verify()).code).toBe(0);
      const caught = await verify('--head', head);
      expect(caught.code).toBe(1);
      expect(caught.stdout).toContain(
        `RUSAK / BROKEN: seq ${kept.seq}: entri #${kept.seq} dari head yang disimpan hilang`,
      );
      expect((await verify('--head', 'bukan-head')).code).toBe(2);
    } finally {
      await db.close();
    }
  });
});

describe('sigap migrate', { timeout: SPAWN_TIMEOUT_MS }, () => {
  const target = useCliTarget({ isFresh: true });

  it('applies every migration and loads the regions on a fresh database, then finds nothing new', async () => {
    const first = await runSigap(['migrate'], target.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const migrations = readdirSync(MIGRATIONS_DIR).filter((name) => /^\d{4}_.+\.sql$/.test(name));
    for (const name of migrations) {
      expect(first.lines).toContain(`Migrasi diterapkan / migration applied: ${name}`);
    }
    expect(first.stdout).toMatch(/Wilayah Jawa Timur dimuat \/ regions loaded: \d+/);

    // the second run in this process: it opens and checks the folder just as a process does
    const second = captureOutput();
    expect(await runCli(['migrate'], target.env, second)).toBe(0);
    expect(second.stdout.join('\n')).not.toContain('Migrasi diterapkan');
    expect(second.stdout.slice(1)).toEqual([
      'Tidak ada migrasi baru / no new migrations',
      'Wilayah sudah lengkap / regions already loaded',
    ]);
  });
});

describe.skipIf(TEST_DATABASE_URL)(
  'sigap and the embedded data folder lock',
  { timeout: SPAWN_TIMEOUT_MS },
  () => {
    const target = useCliTarget();

    it('refuses a folder a live process holds with exit 3, leaving its lock alone', async () => {
      const lockFile = path.join(target.dataDir, 'sigap.lock');
      writeFileSync(lockFile, String(process.pid)); // this test process is alive
      const run = await runSigap(['audit', 'head'], target.env);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('hentikan server dulu');
      expect(run.stderr).toContain('stop the server first');
      expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    });

    it('takes over a lock left by a process that no longer runs, and releases it at the end', async () => {
      const lockFile = path.join(target.dataDir, 'sigap.lock');
      const ended = spawnSync(process.execPath, ['-e', '']);
      writeFileSync(lockFile, String(ended.pid));
      // in this process: the lock file, not the process, is what this is about
      const run = captureOutput();
      expect(await runCli(['audit', 'head'], target.env, run)).toBe(0);
      expect(run.stderr).toEqual([]);
      expect(run.stdout.at(-1)).toMatch(/^seq \d+ hash [0-9a-f]{64}$/);
      expect(existsSync(lockFile)).toBe(false);
    });
  },
);

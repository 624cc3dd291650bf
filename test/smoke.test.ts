import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DATA_KEY, TEST_DATABASE_URL } from './db-template.ts';
import { freePort } from './free-port.ts';

const root = path.resolve(import.meta.dirname, '..');

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts `node src/server/main.ts` — Node's own type stripping, not the test runner's compiler. */
function startServer(env: Record<string, string>): Started {
  let output = '';
  // As on a fresh clone: no boundaries folder configured, the package's own are used.
  const { GEO_DIR: _, ...inherited } = process.env;
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: root,
    env: { ...inherited, LOG_LEVEL: 'info', SIGAP_JOBS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, started: Started): Promise<Record<string, unknown>> {
  for (let i = 0; i < 240; i++) {
    if (started.child.exitCode !== null) throw new Error(`server exited: ${started.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no health answer: ${started.output()}`);
}

describe('the real server, started with node', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigap-smoke-'));
  const running: Started[] = [];
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const s of running) s.child.kill('SIGKILL');
    for (const drop of drops) await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers health on the embedded database, refuses a second process on the same folder, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    let env: Record<string, string> = { DATABASE_URL: '' };
    if (TEST_DATABASE_URL) {
      const scratch = await createScratchDatabase();
      drops.push(scratch.drop);
      env = { DATABASE_URL: scratch.url, SIGAP_DATA_KEY: TEST_DATA_KEY };
    }
    const first = startServer({
      ...env,
      DATA_DIR: dataDir,
      PORT: String(port),
      SIGAP_ADMIN_PASSWORD: 'rahasia-admin-1',
      // The admin's second factor has its own tests (totp.test.ts, accounts.browser.test.ts); here the map.
      TOTP_REQUIRED_ROLES: 'none',
    });
    running.push(first);
    const health = await waitForHealth(port, first);
    expect(health).toMatchObject({ status: 'ok', version: expect.any(String) });
    expect(health.database).toBe(process.env.DATABASE_URL ? 'postgresql' : 'pglite');
    expect(first.output()).toMatch(process.env.DATABASE_URL ? /PostgreSQL/ : /PGlite/);

    // The map's boundaries come with the package: no GEO_DIR was given, none sits beside the project.
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'rahasia-admin-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const boundaries = await fetch(`http://127.0.0.1:${port}/api/geo/kabkota.geojson`, {
      headers: { cookie, 'accept-encoding': 'br' },
    });
    expect(boundaries.status).toBe(200);
    expect(boundaries.headers.get('content-encoding')).toBe('br');
    expect(boundaries.headers.get('etag')).toBeTruthy();
    expect(((await boundaries.json()) as { features: unknown[] }).features).toHaveLength(38);

    if (!process.env.DATABASE_URL) {
      const second = startServer({ DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(await freePort()) });
      running.push(second);
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/hentikan server dulu/);
    }

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 120_000);

  it('stops at start with a message naming a wrong variable', async () => {
    const bad = startServer({ DATA_DIR: dataDir, PORT: 'delapan' });
    running.push(bad);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/PORT/);
  }, 60_000);
});

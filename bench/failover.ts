/**
 * `npm run bench:soak -- --failover [--minutes 10] [--rate 200]`: two app instances (child processes) on one
 * PostgreSQL database (SOAK_DATABASE_URL, default the local test server; a scratch database is made and dropped),
 * a fixed arrival rate of mixed requests spread over both as a load balancer would (1 report submission : 9 reads),
 * and halfway one instance is killed with SIGKILL and started again. A client whose request fails for want of a
 * server sends it again to the other instance with the same report id, as the field app's outbox does. At the end
 * the database is asked for every report acknowledged (201/200) to the client: lost must be 0, and a report stored
 * twice (or stored without having been sent) must not exist. Prints p50/p99 and errors before, around and after
 * the kill. Localhost only; not in CI.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { toWibIso } from '../src/shared/time.ts';
import { buildWeb, findFreePort, type RunningServer } from '../test/browser/browser-harness.ts';
import { sessionHeaders, signedInUser } from './soak-session.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA_KEY = Buffer.alloc(32, 7).toString('base64');
const ADMIN_PASSWORD = 'rahasia-admin-soak-1';
const REGION = '35.09.06.2002';

type Instance = { name: string; port: number; baseUrl: string; child?: ChildProcess; dataDir: string };
type Outcome = { at: number; ms: number; ok: boolean; kind: string; retried: boolean };

function spawnInstance(instance: Instance, databaseUrl: string): void {
  instance.child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(instance.port),
      HOST: '127.0.0.1',
      DATA_DIR: instance.dataDir,
      DATABASE_URL: databaseUrl,
      SIGAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SIGAP_DATA_KEY: DATA_KEY,
      TOTP_REQUIRED_ROLES: 'none',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(instance: Instance): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${instance.baseUrl}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${instance.name} did not become ready`);
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

export async function runFailover(minutes: number, rate: number): Promise<void> {
  const serverUrl = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (!/@(127\.0\.0\.1|localhost)[:/]/.test(serverUrl))
    throw new Error('bench:soak runs against localhost only');
  buildWeb();
  const dbName = `sigap_failover_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const databaseUrl = serverUrl.replace(/\/[^/?]+(\?|$)/, `/${dbName}$1`);
  const instances: Instance[] = [];
  for (const name of ['A', 'B']) {
    const port = await findFreePort();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `sigap-failover-${name}-`));
    instances.push({ name, port, baseUrl: `http://127.0.0.1:${port}`, dataDir });
  }
  const [a, b] = instances as [Instance, Instance];
  try {
    // A migrates the empty database first; B starts on the migrated one.
    spawnInstance(a, databaseUrl);
    await waitReady(a);
    spawnInstance(b, databaseUrl);
    await waitReady(b);
    const server = { baseUrl: a.baseUrl, adminPassword: ADMIN_PASSWORD } as RunningServer;
    const relawan = await signedInUser(server, {
      username: 'soak.relawan',
      role: 'relawan',
      region: '35.09',
    });
    const operator = await signedInUser(server, { username: 'soak.op', role: 'operator', region: '35.09' });

    const sentIds = new Set<string>();
    const acknowledged = new Set<string>();
    const outcomes: Outcome[] = [];
    const started = performance.now();
    const endAt = started + minutes * 60_000;
    const killAt = minutes * 30_000;
    let killedAt = Number.NaN;
    let backAt = Number.NaN;
    let sent = 0;
    let inFlight = 0;
    let notSent = 0;

    /** One request, to the instance the balancer picks; a refused connection goes to the other one. */
    async function send(index: number): Promise<void> {
      const isWrite = index % 10 === 0;
      const id = crypto.randomUUID();
      const body = isWrite
        ? JSON.stringify({
            id,
            kind: 'kejadian',
            conflictType: 'antar_perguruan_silat',
            triggers: ['perbedaan_kepentingan'],
            regionCode: REGION,
            occurredAt: toWibIso(new Date(Date.now() - 3_600_000)),
            description: 'Dua kelompok perguruan saling lempar batu di dekat balai desa, warga berjaga.',
            injured: 1,
          })
        : undefined;
      if (isWrite) sentIds.add(id);
      const path = isWrite
        ? '/api/reports'
        : index % 3 === 0
          ? '/api/me'
          : `/api/reports?region=${REGION}&limit=20`;
      const init: RequestInit = isWrite
        ? { method: 'POST', headers: sessionHeaders(relawan, { 'content-type': 'application/json' }), body }
        : { headers: sessionHeaders(operator) };
      const t0 = performance.now();
      const first = instances[index % 2] as Instance;
      let retried = false;
      for (const target of [first, first === a ? b : a]) {
        try {
          const response = await fetch(`${target.baseUrl}${path}`, {
            ...init,
            signal: AbortSignal.timeout(30_000),
          });
          await response.arrayBuffer();
          if (isWrite && (response.status === 201 || response.status === 200)) acknowledged.add(id);
          outcomes.push({
            at: t0 - started,
            ms: performance.now() - t0,
            ok: response.ok,
            kind: isWrite ? 'write' : 'read',
            retried,
          });
          return;
        } catch {
          retried = true; // the instance is gone (killed, or its connection cut): the outbox tries again
        }
      }
      outcomes.push({
        at: t0 - started,
        ms: performance.now() - t0,
        ok: false,
        kind: isWrite ? 'write' : 'read',
        retried,
      });
    }

    process.stderr.write(`failover: 2 instances on ${dbName}, ${minutes} min at ${rate} req/s\n`);
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = performance.now() - started;
        if (Number.isNaN(killedAt) && now >= killAt) {
          killedAt = now;
          a.child?.kill('SIGKILL');
          process.stderr.write(`failover: instance A killed at ${(now / 1000).toFixed(0)} s\n`);
          void (async () => {
            await new Promise((r) => setTimeout(r, 2_000));
            spawnInstance(a, databaseUrl);
            await waitReady(a);
            backAt = performance.now() - started;
            process.stderr.write(`failover: instance A back at ${(backAt / 1000).toFixed(0)} s\n`);
          })();
        }
        if (now + started >= endAt) {
          clearInterval(tick);
          resolve();
          return;
        }
        const due = Math.floor((now / 1000) * rate);
        while (sent < due) {
          const index = sent++;
          if (inFlight >= 256) {
            notSent++;
            continue;
          }
          inFlight++;
          void send(index).finally(() => {
            inFlight--;
          });
        }
      }, 5);
    });
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));

    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    const stored = (
      await check.query<{ id: string; n: number }>(
        `SELECT id::text, count(*)::int AS n FROM reports WHERE id = ANY($1::uuid[]) GROUP BY id`,
        [[...sentIds]],
      )
    ).rows;
    const [{ total }] = (
      await check.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM reports r JOIN users u ON u.id = r.reporter_id WHERE u.username = 'soak.relawan'`,
      )
    ).rows as [{ total: number }];
    await check.end();
    const storedIds = new Set(stored.map((r) => r.id));
    const lost = [...acknowledged].filter((id) => !storedIds.has(id)).length;
    const twice = stored.filter((r) => r.n > 1).length;
    const unknown = total - stored.length;

    const phase = (label: string, from: number, to: number) => {
      const done = outcomes.filter((o) => o.at >= from && o.at < to);
      const times = done.map((o) => o.ms).sort((x, y) => x - y);
      console.log(
        `${label.padEnd(28)} ${String(done.length).padStart(7)} ${String(done.filter((o) => !o.ok).length).padStart(7)} ` +
          `${String(done.filter((o) => o.retried).length).padStart(8)} ${f1(percentile(times, 50)).padStart(8)} ${f1(percentile(times, 99)).padStart(9)}`,
      );
    };
    console.log(
      `\nbench:soak --failover — PostgreSQL, 2 instances, ${rate} req/s offered (1 write : 9 reads), ${minutes} min`,
    );
    console.log(`${'phase'.padEnd(28)} requests  failed  retried   p50 ms    p99 ms`);
    phase('before the kill (baseline)', 0, killedAt);
    phase('kill → A ready again', killedAt, Number.isNaN(backAt) ? endAt : backAt);
    phase('after A is back', Number.isNaN(backAt) ? endAt : backAt, Number.POSITIVE_INFINITY);
    console.log(
      `A killed at ${(killedAt / 1000).toFixed(0)} s, ready again at ${(backAt / 1000).toFixed(0)} s; ` +
        `${notSent} requests not sent (over 256 in flight)`,
    );
    console.log(
      `reports: ${sentIds.size} sent, ${acknowledged.size} acknowledged, ${stored.length} stored; ` +
        `acknowledged but lost ${lost} (must be 0), stored twice ${twice} (must be 0), stored but never sent ${unknown} (must be 0)`,
    );
  } finally {
    // the instances end before their database is dropped (a dropped connection would crash them noisily)
    await Promise.all(
      instances.map(async (instance) => {
        const child = instance.child;
        if (child && child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        }
        await rm(instance.dataDir, { recursive: true, force: true });
      }),
    );
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * The WhatsApp delivery's cost in CPU time, in this process, against the bare-INSERT baseline of the same report:
 * a check that holds on a loaded machine, where `BENCH_ONLY=whatsapp npm run bench` (throughput at 32 connections)
 * mostly measures the neighbours. Rounds of N sequential deliveries (app.inject, signed, read by the text reader,
 * filed as a report) and N baseline inserts, alternating which goes first; each side's CPU time is this process's
 * (on PGlite the database runs in it too) plus, on PostgreSQL, that of the scratch database's server backends
 * (from /proc). Prints per round the CPU per operation, its share (baseline ÷ delivery, the throughput ratio a
 * CPU-bound run would show) and the database round trips and statements per operation; then the median and spread.
 *
 *   npx node bench/whatsapp-cpu.bench.ts [--db pglite|postgres] [--rounds 7] [--n 100] [--seed 20000]
 *     [--profile FILE.cpuprofile]   (then N more deliveries alone under the V8 profiler, for Chrome's DevTools)
 *     [--concurrency C]   (C operations in flight at once instead of one after another)
 *     [--statements]   (then N more of each, with the time each round trip took, summed by its text)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser } from '../src/server/modules/users/users-service.ts';
import { type Database, openEmbeddedDatabase } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import { defaultOwnerUrl, openScratch } from './scratch-db.ts';
import { seedReports } from './seed-reports.ts';
import { delivery, TEXTS, WHATSAPP_BASELINE_BODY, whatsAppBenchConfig } from './whatsapp.bench.ts';

const require = createRequire(import.meta.url);
type Built = { body: string; headers: Record<string, string> };
const sign = require('./autocannon-whatsapp.cjs') as (request: Built) => Built;

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    rounds: { type: 'string', default: '7' },
    n: { type: 'string', default: '100' },
    seed: { type: 'string', default: '20000' },
    profile: { type: 'string' },
    statements: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '1' },
  },
});
const ROUNDS = Number(args.rounds);
const N = Number(args.n);
const SEED = Number(args.seed);
/** Operations in flight at once (1: one after another). */
const CONCURRENCY = Number(args.concurrency);
const isPostgres = args.db === 'postgres';

/** Round trips (client.query calls) and statements (their `;`-joined parts) sent to the database. */
const sent = { roundTrips: 0, statements: 0 };
/**
 * With --statements: per round trip's text (values left out), the calls and the milliseconds they took — CPU time
 * on PGlite, waiting time on PostgreSQL — while `timing` is on.
 */
const timed = new Map<string, { ms: number; calls: number }>();
let timing = false;
/** The bench's own connections (reading the backends' ids), left out of the counts. */
const uncounted = new WeakSet<pg.Client>();
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...call: unknown[]) {
  if (uncounted.has(this)) return (clientQuery as (...a: unknown[]) => unknown).apply(this, call);
  sent.roundTrips++;
  const text = typeof call[0] === 'string' ? call[0] : ((call[0] as { text?: string })?.text ?? '');
  sent.statements += text.split(/;\s*\n/).length;
  if (!timing) return (clientQuery as (...a: unknown[]) => unknown).apply(this, call);
  // on PGlite the database works in this process, so its CPU time is the statement's; on PostgreSQL, the wait
  const started = isPostgres ? performance.now() : cpuNow();
  const shape = text
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/\s+/g, ' ')
    .slice(0, 160);
  const done = () => {
    const entry = timed.get(shape) ?? { ms: 0, calls: 0 };
    entry.ms += (isPostgres ? performance.now() : cpuNow()) - started;
    entry.calls++;
    timed.set(shape, entry);
  };
  // pg.Pool's own query passes a callback; a client's query returns a promise
  const last = call[call.length - 1];
  if (typeof last === 'function') {
    call[call.length - 1] = (...answer: unknown[]) => {
      done();
      return (last as (...a: unknown[]) => unknown)(...answer);
    };
  }
  const result = (clientQuery as (...a: unknown[]) => unknown).apply(this, call);
  return result instanceof Promise ? result.finally(done) : result;
} as typeof clientQuery;

/** This process's CPU time so far, in milliseconds. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s

/** CPU milliseconds of a process from /proc (0 when it is gone or not readable). */
function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return 0;
  }
}

type Target = { db: Database; serverCpuMs(): Promise<number>; dispose(): Promise<void>; reporterId: string };

async function openTarget(): Promise<Target> {
  if (isPostgres) {
    const scratch = await openScratch(`sigap_wacpu_${process.pid}`);
    const admin = new pg.Client({ connectionString: defaultOwnerUrl() });
    uncounted.add(admin);
    await admin.connect();
    const backends = new Map<number, number>();
    return {
      db: scratch.db,
      reporterId: scratch.userId,
      // the CPU the scratch database's backends have used so far (those gone meanwhile keep their last reading)
      async serverCpuMs() {
        const { rows } = await admin.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = $1',
          [scratch.name],
        );
        for (const { pid } of rows) backends.set(pid, procCpuMs(pid));
        return [...backends.values()].reduce((sum, ms) => sum + ms, 0);
      },
      async dispose() {
        await admin.end();
        await scratch.dispose();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-wacpu-'));
  const db = await openEmbeddedDatabase(dir);
  await bootstrapRoles(db, undefined);
  await migrate(db);
  await ensureRegions(db);
  const { user } = await createUser(
    db,
    { id: null, label: 'bench' },
    { username: 'op.bench', role: 'operator', region: '35.09', password: 'bench-operator-1' },
  );
  return {
    db,
    reporterId: user.id,
    serverCpuMs: async () => 0,
    async dispose() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const target = await openTarget();
  if (SEED > 0) await seedReports(target.db, { from: 0, to: SEED }, target.reporterId, 50_000);
  const config = whatsAppBenchConfig();
  const app = await buildApp({ config, db: target.db, logger: false });
  await app.ready();
  const deliveries = TEXTS.map((text) => delivery(text));
  let sequence = 0;

  async function deliver(): Promise<void> {
    const built = sign({ body: deliveries[sequence++ % deliveries.length], headers: {} });
    const res = await app.inject({
      method: 'POST',
      url: '/api/channels/whatsapp',
      headers: { 'content-type': 'application/json', ...built.headers },
      payload: built.body,
    });
    if (res.statusCode !== 200 || !res.body.includes('"dilaporkan"')) {
      throw new Error(`delivery: ${res.statusCode} ${res.body}`);
    }
  }
  async function insertBare(): Promise<void> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/bench/baseline-report',
      headers: { 'content-type': 'application/json' },
      payload: WHATSAPP_BASELINE_BODY.replace('00000000-0000-4000-8000-000000000000', crypto.randomUUID()),
    });
    if (res.statusCode !== 201) throw new Error(`baseline: ${res.statusCode} ${res.body}`);
  }
  async function phase(run: () => Promise<void>) {
    const trips0 = { ...sent };
    const server0 = await target.serverCpuMs();
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    let started = 0;
    const worker = async () => {
      while (started++ < N) await run();
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const wall = performance.now() - wall0;
    const cpu = process.cpuUsage(cpu0);
    const server = (await target.serverCpuMs()) - server0;
    return {
      cpuMs: ((cpu.user + cpu.system) / 1000 + server) / N,
      serverMs: server / N,
      wallMs: wall / N,
      roundTrips: (sent.roundTrips - trips0.roundTrips) / N,
      statements: (sent.statements - trips0.statements) / N,
    };
  }

  for (let i = 0; i < 30; i++) {
    await insertBare();
    await deliver();
  }
  const shares: number[] = [];
  console.log(
    `${isPostgres ? 'PostgreSQL' : 'PGlite'}, ${SEED.toLocaleString('en')} seeded reports, ${ROUNDS} rounds × ${N} each, ${CONCURRENCY} at a time; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['base', 'wa'] : ['wa', 'base'];
    const result: Record<string, Awaited<ReturnType<typeof phase>>> = {};
    for (const side of order) result[side] = await phase(side === 'base' ? insertBare : deliver);
    const { base, wa } = result;
    const share = base.cpuMs / wa.cpuMs;
    shares.push(share);
    const server = isPostgres ? ` (server ${wa.serverMs.toFixed(2)} / ${base.serverMs.toFixed(2)})` : '';
    console.log(
      `round ${round + 1}: delivery ${wa.cpuMs.toFixed(2)} ms CPU, ${wa.roundTrips} round trips, ${wa.statements} statements | baseline ${base.cpuMs.toFixed(2)} ms CPU, ${base.roundTrips} round trips${server} | share ${(share * 100).toFixed(0)}% | wall ${wa.wallMs.toFixed(1)} / ${base.wallMs.toFixed(1)} ms`,
    );
  }
  console.log(
    `share of the baseline in CPU time: median ${(median(shares) * 100).toFixed(0)}%, from ${(Math.min(...shares) * 100).toFixed(0)}% to ${(Math.max(...shares) * 100).toFixed(0)}% (load average ${os.loadavg()[0].toFixed(1)} at the end)`,
  );
  if (args.profile) await profile(args.profile, () => phase(deliver));
  if (args.statements) {
    for (const [name, run] of [
      ['deliveries', deliver],
      ['baseline inserts', insertBare],
    ] as const) {
      timed.clear();
      timing = true;
      await phase(run);
      timing = false;
      console.log(
        `round trips of ${N} ${name}, by text (${isPostgres ? 'waiting' : 'CPU'} ms per operation, calls per operation):`,
      );
      for (const [shape, { ms, calls }] of [...timed].sort((a, b) => b[1].ms - a[1].ms)) {
        console.log(`${(ms / N).toFixed(2).padStart(7)} ms ${(calls / N).toFixed(2).padStart(5)}×  ${shape}`);
      }
    }
  }
  await app.close();
  await target.dispose();
}

/** Runs `work` under the V8 CPU profiler and writes the profile to `file`. */
async function profile(file: string, work: () => Promise<unknown>): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  await work();
  const { profile: taken } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(taken));
  session.disconnect();
  console.log(`profile of ${N} deliveries: ${file}`);
}

await main();

/**
 * `npm run bench:load`: Sigap under the mixed load of an operator room, at a FIXED ARRIVAL RATE (open loop),
 * against the real server (src/server/main.ts, with its background jobs) on loopback only.
 *
 *   npm run bench:load -- [--minutes 2] [--reports 10000] [--rate 200] [--db postgres|pglite|both]
 *                         [--pglite-rate R] [--sse 20] [--pool-sizes 4,10,20] [--seed-only]
 *
 * The mix (load-traffic.ts): field pillars submit reports, a quarter with a photo; operators of three kab/kota
 * read their inbox, report and case pages and notifications and verify the new reports; a Bakorwil
 * koordinator reads the dashboard, the early-warning levels and the alerts; SSE subscribers stay connected.
 * The seeded database is kept (sigap_load_<N> / <tmp>/sigap-load/pglite-<N>) and reused by the next run.
 * Printed: throughput, p50/p95/p99 per route class, errors, CPU of the server and of the database's backends,
 * the queues waiting at the end and how far behind the duplicate check was — beside the issue's targets, with
 * the machine's load average (other work on the machine shows in it). `--pool-sizes` runs the PostgreSQL mix
 * once per size of the app's connection pool (`DB_POOL_SIZE`), same data, one after the other, and ends with a
 * table of the runs side by side: the measure behind the pool size Sigap ships with. `--seed-only` prepares (and
 * keeps) the seeded database(s) and stops there, e.g. to seed the million-report database once, ahead of its runs.
 */
import os from 'node:os';
import sharp from 'sharp';
import {
  cpuSeconds,
  duplicateLag,
  keepVacuumed,
  machineBusySeconds,
  startServer,
  waitingJobs,
  watchBackends,
} from './load-probes.ts';
import { type DatabaseKind, prepareDatabase } from './load-setup.ts';
import { knownRecords, MIX, type RouteClass, runTraffic, type Sample } from './load-traffic.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? (process.argv[at + 1] as string) : fallback;
}

const minutes = Number(flag('minutes', '2'));
const reports = Number(flag('reports', '10000'));
const rate = Number(flag('rate', '200'));
const pgliteRate = Number(flag('pglite-rate', String(Math.round(rate / 2))));
const which = flag('db', 'both');
const sse = Number(flag('sse', '20'));
const seedOnly = process.argv.includes('--seed-only');
const poolSizes = flag('pool-sizes', '').split(',').filter(Boolean).map(Number);
for (const [name, value] of [
  ...Object.entries({ minutes, reports, rate, pgliteRate, sse }),
  ...poolSizes.map((size) => ['pool-sizes', size] as const),
]) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: a positive number`);
}

const started = performance.now();
function note(text: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${seconds} s] ${text}\n`);
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const PROVINCE_ROUNDS = 20;

/**
 * The province's dashboard timed alone, one call after the other (the issue's target: p95 < 100 ms at 1M
 * reports): the default 12 weeks and the last year, in WIB days. Times in ms of the calls that succeeded.
 */
async function provinceOverview(
  origin: string,
  token: string,
): Promise<{ period: string; ms: number[]; failed: number }[]> {
  const wibDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
  const now = Date.now();
  const periods = [
    ['default 12 weeks', '/api/stats/overview'],
    ['last 365 days', `/api/stats/overview?from=${wibDay(now - 364 * 86_400_000)}&to=${wibDay(now)}`],
  ] as const;
  const out: { period: string; ms: number[]; failed: number }[] = [];
  for (const [period, url] of periods) {
    const ms: number[] = [];
    let failed = 0;
    for (let i = 0; i <= PROVINCE_ROUNDS; i++) {
      const started = performance.now();
      const response = await fetch(`${origin}${url}`, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      // The first call warms plans and caches and is not counted.
      if (i === 0) continue;
      if (response.ok) ms.push(performance.now() - started);
      else failed++;
    }
    out.push({ period, ms: ms.sort((a, b) => a - b), failed });
  }
  return out;
}

/** One run's headline, for the side-by-side table of pool sizes. */
type Headline = {
  poolSize: number | null;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
};
const headlines: Headline[] = [];

async function runOne(kind: DatabaseKind, arrivalRate: number, poolSize: number | null): Promise<string> {
  const label =
    (kind === 'postgres' ? 'PostgreSQL' : 'PGlite') +
    (poolSize ? `, app pool of ${poolSize} connections` : '');
  note(`${label}: preparing ${reports.toLocaleString('en')} reports`);
  const prepared = await prepareDatabase(kind, { reports, postgresUrl: POSTGRES_URL, note });
  note(`${label}: starting the server`);
  const server = await startServer(
    poolSize ? { ...prepared.env, DB_POOL_SIZE: String(poolSize) } : prepared.env,
  );
  const out: string[] = [];
  const vacuum = prepared.pgDatabase ? await keepVacuumed(POSTGRES_URL, prepared.pgDatabase) : null;
  try {
    const known = await knownRecords(server.origin, prepared.people);
    const photo = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 120, b: 80 } },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    // The baseline, same server, same data, just before: the mix at 5 requests/s, where nothing queues.
    note(`${label}: unloaded baseline, 5 requests/s for 20 s`);
    const idle = await runTraffic({
      origin: server.origin,
      people: prepared.people,
      rate: 5,
      seconds: 20,
      photo,
      known,
      sseSubscribers: 0,
    });
    const seconds = minutes * 60;
    const since = new Date();
    const serverCpu0 = cpuSeconds(server.child.pid as number) ?? 0;
    const machine0 = machineBusySeconds();
    const backends = prepared.pgDatabase ? watchBackends(POSTGRES_URL, prepared.pgDatabase) : null;
    const loadBefore = loadAverage();
    note(
      `${label}: ${arrivalRate} requests/s for ${minutes} min, ${sse} live-event subscribers (load ${loadBefore})`,
    );
    const traffic = await runTraffic({
      origin: server.origin,
      people: prepared.people,
      rate: arrivalRate,
      seconds,
      photo,
      known,
      sseSubscribers: sse,
    });
    const end = new Date();
    const wall = (traffic.sentAt.last - traffic.sentAt.first) / 1000;
    const serverCpu = (cpuSeconds(server.child.pid as number) ?? serverCpu0) - serverCpu0;
    const machine = machineBusySeconds() - machine0;
    const databaseCpu = backends ? await backends.stop() : null;
    const vacuumed = vacuum ? await vacuum.stop() : null;
    const loadAfter = loadAverage();
    const waiting = await waitingJobs(server.origin).catch(() => ({}) as Record<string, number>);
    note(`${label}: the province's dashboard alone, ${PROVINCE_ROUNDS} calls of each period`);
    const province = await provinceOverview(server.origin, prepared.people.provinsi);
    await server.stop();
    const db = await prepared.open();
    const lag = await duplicateLag(db, since, end).finally(() => db.close());

    const all = traffic.samples;
    const ok = all.filter((s) => s.ok);
    const errors = all.length - ok.length;
    const rows: string[][] = [
      ['route class', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'baseline p50 ms (5 req/s)'],
    ];
    const line = (name: string, samples: Sample[], base: number[]) => {
      const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
      const statuses = [...new Set(samples.filter((s) => !s.ok).map((s) => s.status))].join(',');
      const failed = samples.filter((s) => !s.ok).length;
      rows.push([
        name,
        String(samples.length),
        failed ? `${failed} (${statuses})` : '0',
        fmt(quantile(ms, 0.5)),
        fmt(quantile(ms, 0.95)),
        fmt(quantile(ms, 0.99)),
        fmt(quantile(base, 0.5)),
      ]);
    };
    const idleMs = (cls: RouteClass | null) =>
      idle.samples
        .filter((s) => s.ok && (cls === null || s.cls === cls))
        .map((s) => s.ms)
        .sort((a, b) => a - b);
    for (const [cls] of MIX)
      line(
        cls,
        all.filter((s) => s.cls === cls),
        idleMs(cls),
      );
    line('ALL', all, idleMs(null));
    const allMs = all.map((s) => s.ms).sort((a, b) => a - b);
    const p99 = quantile(allMs, 0.99);
    headlines.push({
      poolSize,
      throughput: ok.length / wall,
      p50: quantile(allMs, 0.5),
      p95: quantile(allMs, 0.95),
      p99,
      errors,
    });
    const target = kind === 'postgres' ? { rate: 200, p99: 200 } : { rate: 100, p99: 300 };
    const dashboard = all
      .filter((s) => s.cls === 'koordinator: dashboard')
      .map((s) => s.ms)
      .sort((a, b) => a - b);

    out.push(
      `── ${label}, ${reports.toLocaleString('en')} reports seeded, ${arrivalRate} requests/s offered for ${minutes} min ──`,
      `load average before ${loadBefore} · after ${loadAfter} (1, 5, 15 min; ${os.cpus().length} CPUs, shared)`,
      table(rows),
      '',
      `throughput: ${(ok.length / wall).toFixed(1)} successful requests/s of ${arrivalRate} offered (${all.length} sent in ${wall.toFixed(0)} s); errors ${errors}`,
      `CPU: server process ${(serverCpu / wall).toFixed(2)} cores` +
        (databaseCpu !== null
          ? `, database backends ${(databaseCpu / wall).toFixed(2)} cores (database share ${((databaseCpu / (databaseCpu + serverCpu)) * 100).toFixed(0)}% of Sigap's CPU)`
          : ' (PGlite: the database runs inside it)') +
        `; whole machine busy ${(machine / wall).toFixed(2)} cores`,
      ...(vacuumed ? [vacuumed] : []),
      `live events: ${sse} subscribers, ${traffic.sseEvents} events received, ${traffic.sseDropped} streams dropped`,
      `queues waiting at the end: ${
        Object.keys(waiting).length
          ? Object.entries(waiting)
              .map(([q, n]) => `${q} ${n}`)
              .join(', ')
          : 'none'
      }`,
      `duplicate check of the run's ${lag.submitted} reports: ${lag.checked} checked, lag p50 ${lag.p50.toFixed(1)} s, max ${lag.max.toFixed(1)} s; oldest unchecked at the end ${lag.oldestUnchecked.toFixed(0)} s (${lag.unchecked} unchecked)`,
      '',
      `targets (issue 20; ${kind === 'postgres' ? 'PostgreSQL at 1M reports' : 'PGlite at 10k reports'}):`,
      `  ${target.rate} requests/s with p99 < ${target.p99} ms: offered ${arrivalRate}, p99 ${fmt(p99)} ms → ${arrivalRate >= target.rate && p99 < target.p99 ? 'ok' : 'MISS'}`,
      `  0 errors: ${errors} → ${errors === 0 ? 'ok' : 'MISS'}`,
      `  duplicate-check lag < 60 s at the end: ${lag.oldestUnchecked.toFixed(0)} s → ${lag.oldestUnchecked < 60 ? 'ok' : 'MISS'}`,
      ...(kind === 'postgres'
        ? [
            `  dashboard (/api/stats/overview, Bakorwil V) p95 < 100 ms: ${fmt(quantile(dashboard, 0.95))} ms → ${quantile(dashboard, 0.95) < 100 ? 'ok' : 'MISS'}`,
            ...province.map(
              (p) =>
                `  province dashboard (/api/stats/overview, ${p.period}; alone after the run, ${p.ms.length} calls${p.failed ? `, ${p.failed} failed` : ''}) p95 < 100 ms: p50 ${fmt(quantile(p.ms, 0.5))}, p95 ${fmt(quantile(p.ms, 0.95))} ms → ${!p.failed && quantile(p.ms, 0.95) < 100 ? 'ok' : 'MISS'}`,
            ),
          ]
        : []),
      '',
    );
  } finally {
    await vacuum?.stop();
    await server.stop();
  }
  return out.join('\n');
}

if (seedOnly) {
  for (const kind of ['postgres', 'pglite'] as const) {
    if (which !== 'both' && which !== kind) continue;
    await prepareDatabase(kind, { reports, postgresUrl: POSTGRES_URL, note });
  }
  note(`seeded; kept for the next runs with --reports ${reports}`);
  process.exit(0);
}

const results: string[] = [];
const runs: [DatabaseKind, number, number | null][] = [];
if (which === 'both' || which === 'postgres') {
  for (const size of poolSizes.length ? poolSizes : [null]) runs.push(['postgres', rate, size]);
}
if (which === 'both' || which === 'pglite') runs.push(['pglite', pgliteRate, null]);
for (const [kind, arrivalRate, poolSize] of runs) {
  try {
    results.push(await runOne(kind, arrivalRate, poolSize));
  } catch (error) {
    results.push(`── ${kind}: not measured: ${String(error)}`);
  }
}
if (poolSizes.length > 1) {
  results.push(
    `── PostgreSQL, the app's pool sizes side by side (${rate} requests/s offered each) ──`,
    table([
      ['DB_POOL_SIZE', 'requests/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
      ...headlines
        .filter((h) => h.poolSize !== null)
        .map((h) => [
          String(h.poolSize),
          h.throughput.toFixed(1),
          fmt(h.p50),
          fmt(h.p95),
          fmt(h.p99),
          String(h.errors),
        ]),
    ]),
    '',
  );
}
console.log('');
console.log(
  `Sigap load bench, ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPUs`,
);
console.log(results.join('\n'));
process.exit(0);

/**
 * `npm run bench:soak [-- --minutes 10 --rate 20]`: the real server (a child process, embedded database in a
 * temporary folder; PostgreSQL when SOAK_DATABASE_URL names a server, on a scratch database) under a steady, light,
 * mixed load for N minutes — report submissions, report lists and single reports, alerts, the signed-in user,
 * health and the start page — while its own /metrics is read every 10 s: resident memory, heap, event-loop delay
 * p99, active handles, open connections. The first minute is the baseline; the verdict compares the rest against
 * it and fits a line through the memory after it (MB per hour). Not in CI: it takes minutes by design.
 * `--failover`: two instances on PostgreSQL, one killed halfway (bench/failover.ts).
 */
import { parseArgs } from 'node:util';
import { toWibIso } from '../src/shared/time.ts';
import { buildWeb, type RunningServer, startServer } from '../test/browser/browser-harness.ts';
import { type Session, sessionHeaders, signedInUser } from './soak-session.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string' },
    failover: { type: 'boolean', default: false },
  },
});
const MINUTES = Number(values.minutes);
// the failover run is the issue's 200 requests/s over two instances; the memory soak is lighter
const RATE = Number(values.rate ?? (values.failover ? '200' : '20'));
if (!(MINUTES >= 2) || !(RATE > 0 && RATE <= 200)) {
  console.error('bench:soak: --minutes ≥ 2 (the first is the baseline), --rate 1–200 requests per second');
  process.exit(2);
}
const SAMPLE_MS = 10_000;
const MAX_IN_FLIGHT = 64;

type Sample = {
  at: number;
  rssMb: number;
  heapUsedMb: number;
  loopP99Ms: number;
  handles: number;
  connections: number;
};
type Outcome = { at: number; ms: number; ok: boolean; kind: string };

function metric(body: string, name: string): number {
  const line = body.split('\n').find((text) => text.startsWith(`${name} `) || text.startsWith(`${name}{`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
}

async function sampleServer(server: RunningServer, started: number): Promise<Sample> {
  const body = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return {
    at: performance.now() - started,
    rssMb: metric(body, 'process_resident_memory_bytes') / 1_048_576,
    heapUsedMb: metric(body, 'nodejs_heap_size_used_bytes') / 1_048_576,
    loopP99Ms: metric(body, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    handles: metric(body, 'nodejs_active_handles_total'),
    connections: metric(body, 'sigap_http_connections_open'),
  };
}

const REGION = '35.09.06.2002';
const reportIds: string[] = [];

/** One request of the mix, chosen by its place in a cycle of ten: 1 write, 9 reads of six kinds. */
function nextRequest(
  index: number,
  operator: Session,
  relawan: Session,
): { kind: string; path: string; init: RequestInit; written?: string } {
  switch (index % 10) {
    case 0: {
      const id = crypto.randomUUID();
      return {
        written: id,
        kind: 'POST report',
        path: '/api/reports',
        init: {
          method: 'POST',
          headers: sessionHeaders(relawan, { 'content-type': 'application/json' }),
          body: JSON.stringify({
            id,
            kind: index % 20 === 0 ? 'sinyal' : 'kejadian',
            conflictType: 'antar_perguruan_silat',
            triggers: ['perbedaan_kepentingan'],
            regionCode: REGION,
            occurredAt: toWibIso(new Date(Date.now() - 3_600_000)),
            description: 'Dua kelompok perguruan berkumpul di dekat balai desa setelah konvoi malam ini.',
            injured: 0,
            vulnerable: { anak: { harmed: 0, displaced: 0, atRisk: 4 } },
          }),
        },
      };
    }
    case 1:
    case 4:
    case 7:
      return {
        kind: 'GET reports',
        path: `/api/reports?region=${REGION}&limit=20`,
        init: { headers: sessionHeaders(operator) },
      };
    case 2:
      return { kind: 'GET me', path: '/api/me', init: { headers: sessionHeaders(operator) } };
    case 5:
      return { kind: 'GET alerts', path: '/api/alerts', init: { headers: sessionHeaders(operator) } };
    case 6:
      return { kind: 'GET /', path: '/', init: {} };
    case 8: {
      const id = reportIds[Math.floor(Math.random() * reportIds.length)];
      return id
        ? { kind: 'GET report', path: `/api/reports/${id}`, init: { headers: sessionHeaders(operator) } }
        : { kind: 'GET health', path: '/api/health', init: {} };
    }
    default:
      return { kind: 'GET health', path: '/api/health/ready', init: {} };
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const mean = (numbers: readonly number[]) => numbers.reduce((sum, n) => sum + n, 0) / numbers.length;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

/** Least-squares slope of y over x (x in minutes): units per minute. */
function slopePerMinute(points: ReadonlyArray<{ x: number; y: number }>): number {
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  const num = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  buildWeb();
  const database = process.env.SOAK_DATABASE_URL;
  // startServer gives a server on PostgreSQL a scratch database of its own when DATABASE_URL is set.
  if (database) process.env.DATABASE_URL = database;
  const server = await startServer({ env: { LOG_LEVEL: 'error' } });
  const kind = database ? 'PostgreSQL' : 'PGlite (embedded)';
  process.stderr.write(`soak: ${kind}, ${MINUTES} min at ${RATE} req/s, server ${server.baseUrl}\n`);
  try {
    const operator = await signedInUser(server, {
      username: 'soak.operator',
      role: 'operator',
      region: '35.09',
    });
    const relawan = await signedInUser(server, {
      username: 'soak.relawan',
      role: 'relawan',
      region: '35.09',
    });

    const started = performance.now();
    const endAt = started + MINUTES * 60_000;
    const outcomes: Outcome[] = [];
    const samples: Sample[] = [await sampleServer(server, started)];
    let inFlight = 0;
    let skipped = 0;
    let sent = 0;
    const sampler = setInterval(() => {
      void sampleServer(server, started).then(
        (sample) => samples.push(sample),
        () => undefined,
      );
    }, SAMPLE_MS);
    // A steady rate: each tick sends what the clock says is due, never more than MAX_IN_FLIGHT at once.
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = performance.now();
        if (now >= endAt) {
          clearInterval(tick);
          resolve();
          return;
        }
        const due = Math.floor(((now - started) / 1000) * RATE);
        while (sent < due) {
          const index = sent++;
          if (inFlight >= MAX_IN_FLIGHT) {
            skipped++;
            continue;
          }
          const request = nextRequest(index, operator, relawan);
          inFlight++;
          const t0 = performance.now();
          fetch(`${server.baseUrl}${request.path}`, request.init)
            .then(async (response) => {
              await response.arrayBuffer();
              // Only a report the server took is read back (a read racing its own write would 404).
              if (request.written && response.ok) {
                reportIds.push(request.written);
                if (reportIds.length > 200) reportIds.shift();
              }
              outcomes.push({
                at: t0 - started,
                ms: performance.now() - t0,
                ok: response.ok,
                kind: request.kind,
              });
            })
            .catch(() =>
              outcomes.push({ at: t0 - started, ms: performance.now() - t0, ok: false, kind: request.kind }),
            )
            .finally(() => {
              inFlight--;
            });
        }
      }, 10);
    });
    clearInterval(sampler);
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    samples.push(await sampleServer(server, started));

    // Per minute: the server's figures (means; loop delay the worst 10 s window) and the load's outcome.
    const header = 'minute  RSS MB  heap MB  loop p99 ms  handles  conns   req ok  failed  p50 ms  p99 ms';
    console.log(`\nbench:soak — ${kind}, ${RATE} req/s mixed (1 report write : 9 reads), ${MINUTES} min`);
    console.log(header);
    for (let minute = 0; minute < MINUTES; minute++) {
      const inMinute = samples.filter((s) => s.at >= minute * 60_000 && s.at < (minute + 1) * 60_000);
      const done = outcomes.filter((o) => o.at >= minute * 60_000 && o.at < (minute + 1) * 60_000);
      const times = done.map((o) => o.ms).sort((a, b) => a - b);
      console.log(
        [
          String(minute + 1).padStart(6),
          f1(mean(inMinute.map((s) => s.rssMb))).padStart(7),
          f1(mean(inMinute.map((s) => s.heapUsedMb))).padStart(8),
          f1(Math.max(...inMinute.map((s) => s.loopP99Ms))).padStart(12),
          String(Math.max(...inMinute.map((s) => s.handles))).padStart(8),
          String(Math.max(...inMinute.map((s) => s.connections))).padStart(6),
          String(done.filter((o) => o.ok).length).padStart(8),
          String(done.filter((o) => !o.ok).length).padStart(7),
          f1(percentile(times, 50)).padStart(7),
          f1(percentile(times, 99)).padStart(7),
        ].join(' '),
      );
    }
    const baseline = samples.filter((s) => s.at < 60_000);
    const after = samples.filter((s) => s.at >= 60_000);
    const lastMinute = samples.filter((s) => s.at >= (MINUTES - 1) * 60_000);
    const rssSlope = slopePerMinute(after.map((s) => ({ x: s.at / 60_000, y: s.rssMb })));
    const heapSlope = slopePerMinute(after.map((s) => ({ x: s.at / 60_000, y: s.heapUsedMb })));
    const rssBase = mean(baseline.map((s) => s.rssMb));
    const heapBase = mean(baseline.map((s) => s.heapUsedMb));
    const rssLast = mean(lastMinute.map((s) => s.rssMb));
    const heapLast = mean(lastMinute.map((s) => s.heapUsedMb));
    // Growth that would matter over a month of uptime: more than 5% of the baseline per hour, still rising.
    const grows = (slope: number, base: number, last: number) =>
      slope * 60 > 0.05 * base && last > base ? 'GROWS' : 'flat';
    const failed = outcomes.filter((o) => !o.ok);
    const allTimes = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const kinds = [...new Set(failed.map((o) => o.kind))].join(', ');
    console.log('');
    console.log(
      `RSS:  baseline (minute 1) ${f1(rssBase)} MB, last minute ${f1(rssLast)} MB, ` +
        `slope after minute 1 ${(rssSlope * 60).toFixed(1)} MB/h → ${grows(rssSlope, rssBase, rssLast)}`,
    );
    console.log(
      `heap: baseline (minute 1) ${f1(heapBase)} MB, last minute ${f1(heapLast)} MB, ` +
        `slope after minute 1 ${(heapSlope * 60).toFixed(1)} MB/h → ${grows(heapSlope, heapBase, heapLast)}`,
    );
    console.log(
      `event-loop delay p99: baseline max ${f1(Math.max(...baseline.map((s) => s.loopP99Ms)))} ms, ` +
        `after max ${f1(Math.max(...after.map((s) => s.loopP99Ms)))} ms; ` +
        `handles ${Math.max(...baseline.map((s) => s.handles))} → ${Math.max(...lastMinute.map((s) => s.handles))}, ` +
        `connections ${Math.max(...baseline.map((s) => s.connections))} → ${Math.max(...lastMinute.map((s) => s.connections))}`,
    );
    console.log(
      `requests: ${outcomes.length} answered (${(outcomes.length / (MINUTES * 60)).toFixed(1)}/s), ` +
        `${failed.length} failed${kinds ? ` (${kinds})` : ''}, ${skipped} not sent (over ${MAX_IN_FLIGHT} in flight); ` +
        `p50 ${f1(percentile(allTimes, 50))} ms, p99 ${f1(percentile(allTimes, 99))} ms; reports written ${
          outcomes.filter((o) => o.kind === 'POST report' && o.ok).length
        }`,
    );
  } finally {
    await server.stop();
  }
}

if (values.failover) {
  const { runFailover } = await import('./failover.ts');
  await runFailover(MINUTES, RATE);
} else {
  await main();
}

import { createRequire } from 'node:module';
import path from 'node:path';
import { listReports } from '../src/server/modules/reports/reports-store.ts';
import type { Database } from '../src/server/platform/db.ts';
import { toWibIso } from '../src/shared/time.ts';

// The two HTTP figures: report intake throughput under concurrent load (against the bare-INSERT baseline
// route) and the latency of the first page of the report list (against the store's query alone).

const require = createRequire(import.meta.url);

/** The part of autocannon's result this bench reads (the package ships no types). */
type CannonResult = {
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p97_5: number; p99: number };
};
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
export const autocannon = require('autocannon') as Cannon;

const REQUEST_SETUP = path.join(import.meta.dirname, 'autocannon-request.cjs');
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** Four kinds of report a kab/kota receives, from a signal (P4) to children hurt (P1), in rotation. */
const BODIES = [
  {
    kind: 'sinyal',
    conflictType: 'antar_perguruan_silat',
    triggers: ['perbedaan_kepentingan'],
    regionCode: '35.09.06.2002',
    description: 'Rencana konvoi pengesahan warga lewat jalan desa malam ini, dekat basecamp perguruan lain.',
  },
  {
    kind: 'sinyal',
    conflictType: 'antarwarga',
    triggers: ['informasi_provokatif'],
    regionCode: '35.09.09.2004',
    description: 'Beredar broadcast WA ajakan balas dendam, pemuda dua dusun mulai berkumpul di lapangan.',
    vulnerable: { anak: { harmed: 0, displaced: 0, atRisk: 10 } },
  },
  {
    kind: 'kejadian',
    conflictType: 'antar_suporter',
    triggers: ['perbedaan_antarperorangan'],
    regionCode: '35.09.19.1001',
    description: 'Usai pertandingan suporter saling lempar batu di dekat stadion, dua orang luka ringan.',
    involved: 150,
    injured: 2,
    needs: ['kesehatan'],
  },
  {
    kind: 'kejadian',
    conflictType: 'antar_perguruan_silat',
    triggers: ['perbedaan_antarperorangan'],
    regionCode: '35.09.06.2002',
    description: 'Bentrok dua kelompok di dekat SD, tiga anak kena lemparan batu, dua rumah rusak.',
    involved: 80,
    injured: 2,
    housesDamaged: 2,
    vulnerable: { anak: { harmed: 3, displaced: 0, atRisk: 5 } },
    needs: ['kesehatan', 'psikososial'],
  },
];

export type Throughput = {
  requestsPerSecond: number;
  ok: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
};

/** Posts reports at `connections` concurrent connections for `seconds`, each with a fresh UUID. */
async function cannon(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<Throughput> {
  const occurredAt = toWibIso(new Date(Date.now() - 3_600_000));
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // One worker thread sends the load, so the server keeps this thread's event loop to itself.
    workers: 1,
    requests: BODIES.map((body) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ id: PLACEHOLDER_ID, occurredAt, ...body }),
      setupRequest: REQUEST_SETUP,
    })),
  });
  return throughputOf(result);
}

/** What one autocannon run gave, as the bench reports it. */
export function throughputOf(result: CannonResult): Throughput {
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    seconds: result.duration,
    failed: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * Intake (auth, validation, triage, audit, events) and the baseline route, each warmed up, then measured in
 * alternating rounds so that a change in the machine's load during the run touches both alike.
 */
export async function measureIntake(
  origin: string,
  token: string,
  options: { seconds: number; connections: number; rounds?: number },
): Promise<{ intake: Throughput; baseline: Throughput }> {
  const auth = { authorization: `Bearer ${token}` };
  const intakeUrl = `${origin}/api/reports`;
  const baselineUrl = `${origin}/api/bench/baseline-report`;
  const rounds = options.rounds ?? 3;
  const slice = Math.max(1, Math.round(options.seconds / rounds));
  await cannon(baselineUrl, {}, 2, options.connections);
  await cannon(intakeUrl, auth, 2, options.connections);
  const baseline: Throughput[] = [];
  const intake: Throughput[] = [];
  for (let round = 0; round < rounds; round++) {
    baseline.push(await cannon(baselineUrl, {}, slice, options.connections));
    intake.push(await cannon(intakeUrl, auth, slice, options.connections));
  }
  return { intake: combine(intake), baseline: combine(baseline) };
}

/** Rounds summed: requests over the total time; latency percentiles are the rounds' medians. */
function combine(runs: Throughput[]): Throughput {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ok = runs.reduce((sum, r) => sum + r.ok, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    requestsPerSecond: ok / seconds,
    ok,
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    seconds,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  };
}

export type Latency = { p50: number; p95: number; count: number };

function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), count: sorted.length };
}

/**
 * The first page of an operator's report list over real HTTP (keep-alive, one request at a time), and the
 * same query through the store alone, with the owner's rights (no HTTP, auth, row-level security or JSON).
 */
export async function measureList(
  origin: string,
  token: string,
  db: Database,
  options: { region: string; count: number },
): Promise<{ api: Latency; baseline: Latency; items: number }> {
  const url = `${origin}/api/reports?region=${options.region}&limit=50`;
  let items = 0;
  const viaApi = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    items = ((await res.json()) as { items: unknown[] }).items.length;
  };
  const viaStore = async () => {
    await db.asSystem((tx) => listReports(tx, { regionCode: options.region, limit: 51 }));
  };
  const timed = async (run: () => Promise<void>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  // Alternating, so both see the same moments of the machine's load.
  const apiSamples: number[] = [];
  const storeSamples: number[] = [];
  for (let i = 0; i < 20 + options.count; i++) {
    const api = await timed(viaApi);
    const store = await timed(viaStore);
    if (i < 20) continue; // warm-up
    apiSamples.push(api);
    storeSamples.push(store);
  }
  const api = percentiles(apiSamples);
  const baseline = percentiles(storeSamples);
  return { api, baseline, items };
}

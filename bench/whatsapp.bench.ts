import path from 'node:path';
import { whatsAppEnvelope } from '../src/server/modules/channels/whatsapp-envelope.ts';
import { type Config, loadConfig } from '../src/server/platform/config.ts';
import { autocannon, type Throughput, throughputOf } from './http-figures.ts';

// A WhatsApp delivery under load: POST /api/channels/whatsapp, signed, each from a new number naming its place,
// so that every one is read by the text reader and filed as a report, against the bare-INSERT baseline route.

const SIGNING = path.join(import.meta.dirname, 'autocannon-whatsapp.cjs');
const BASELINE_SETUP = path.join(import.meta.dirname, 'autocannon-request.cjs');

/** The app secret the bench's server is started with (and autocannon-whatsapp.cjs signs with). */
export const BENCH_WHATSAPP_SECRET = 'rahasia-aplikasi-bench';

/** The configuration of a bench's server that takes WhatsApp deliveries: bench mode, no jobs, no log. */
export function whatsAppBenchConfig(): Config {
  return loadConfig({
    SIGAP_BENCH: 'true',
    SIGAP_JOBS: 'false',
    LOG_LEVEL: 'silent',
    WHATSAPP_APP_SECRET: BENCH_WHATSAPP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'token-verifikasi-bench',
  });
}

/** The baseline's row for the WhatsApp figure: the report a delivery makes, inserted bare. */
export const WHATSAPP_BASELINE_BODY = JSON.stringify({
  id: '00000000-0000-4000-8000-000000000000',
  kind: 'kejadian',
  conflictType: 'antar_perguruan_silat',
  regionCode: '35.09.06.2002',
  occurredAt: '2026-08-22T21:30:00+07:00',
  description: 'Tawuran antar perguruan silat di desa Tanggul Wetan kecamatan Tanggul, 2 orang luka',
  channel: 'whatsapp',
});

/** The texts a bench delivery carries (each names its place, so each becomes a report). */
export const TEXTS = [
  'Tawuran antar perguruan silat di desa Tanggul Wetan kecamatan Tanggul, 2 orang luka, anak-anak ketakutan',
  'Ada isu provokasi di grup WA soal konvoi suporter ke Jember malam ini',
  'Sengketa lahan di desa Sumberjambe Jember memanas, warga berkumpul di balai desa',
  'Bentrok warga di kecamatan Kalisat Jember, rumah rusak, lansia mengungsi',
];

/** A WhatsApp Cloud API delivery of one text, with the placeholders autocannon-whatsapp.cjs replaces. */
export function delivery(text: string): string {
  return whatsAppEnvelope({
    messages: [
      {
        from: '6280000000000',
        id: 'wamid.PLACEHOLDER',
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'text',
        text: { body: text },
      },
    ],
  });
}

async function cannon(
  requests: Record<string, unknown>[],
  url: string,
  seconds: number,
  connections: number,
) {
  return throughputOf(await autocannon({ url, connections, duration: seconds, workers: 1, requests }));
}

/** WhatsApp deliveries and the baseline, warmed up, then in alternating rounds; the baseline takes a report body. */
export async function measureWhatsApp(
  origin: string,
  baselineBody: string,
  options: { seconds: number; connections: number; rounds?: number },
): Promise<{ intake: Throughput; baseline: Throughput }> {
  const wa = TEXTS.map((text) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: delivery(text),
    setupRequest: SIGNING,
  }));
  const base = [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: baselineBody,
      setupRequest: BASELINE_SETUP,
    },
  ];
  const waUrl = `${origin}/api/channels/whatsapp`;
  const baseUrl = `${origin}/api/bench/baseline-report`;
  const rounds = options.rounds ?? 3;
  const slice = Math.max(1, Math.round(options.seconds / rounds));
  await cannon(base, baseUrl, 2, options.connections);
  await cannon(wa, waUrl, 2, options.connections);
  const intake: Throughput[] = [];
  const baseline: Throughput[] = [];
  for (let round = 0; round < rounds; round++) {
    baseline.push(await cannon(base, baseUrl, slice, options.connections));
    intake.push(await cannon(wa, waUrl, slice, options.connections));
  }
  const sum = (runs: Throughput[]): Throughput => {
    const ok = runs.reduce((n, r) => n + r.ok, 0);
    const secs = runs.reduce((n, r) => n + r.seconds, 0);
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    return {
      requestsPerSecond: ok / secs,
      ok,
      seconds: secs,
      failed: runs.reduce((n, r) => n + r.failed, 0),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
    };
  };
  return { intake: sum(intake), baseline: sum(baseline) };
}

/**
 * Streaming exports at size on PostgreSQL: CSV of `rows` reports and XLSX of `xlsxRows`, each as time, rows per
 * second and the process's peak memory above its idle level (measured once, after start-up and before any export
 * or read): the resident set (the bound's figure) and, beside it, the JavaScript heap in use plus the memory
 * outside it (`heapUsed + external`; decision 0038). Against a baseline read in the same run just after the export: the export's
 * own query through a server-side cursor with owner rights, page by page, and no formatting. The reports live in
 * kept scratch databases (`sigap_bench_reports_<n>`, bench/scratch-db.ts), seeded once by the database itself
 * (bench/seed-reports.ts) and reused by the next run.
 *
 *   npx node --expose-gc bench/exports.bench.ts [rows=1000000] [xlsxRows=100000 | 0 for none]
 */
import { Writable } from 'node:stream';
import { FETCH_ROWS, prepareExport } from '../src/server/modules/exports/exports-service.ts';
import { fetchCursor, openCursor } from '../src/server/modules/exports/exports-store.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import type { Database } from '../src/server/platform/db.ts';
import { ReportsExportQuery } from '../src/shared/exports/export-schema.ts';
import { countReports, openScratch, type Scratch } from './scratch-db.ts';
import { seedReports } from './seed-reports.ts';

const MB = 1024 * 1024;
/** The issue's bound on a CSV export's memory, above the process's idle level. */
export const EXPORT_MEMORY_LIMIT_MB = 200;

export type ExportFigure = {
  format: 'csv' | 'xlsx';
  rows: number;
  seconds: number;
  bytes: number;
  /** Peak resident set above idle (MB): what the bound is checked against. */
  peakMb: number;
  /** Peak of heapUsed + external above idle (MB): garbage not yet collected included. */
  peakHeapMb: number;
  /** The process's CPU time (user + system) during the export: what the machine's load distorts least. */
  cpuSeconds: number;
  baselineSeconds: number;
  baselineCpuSeconds: number;
  baselinePeakMb: number;
  baselinePeakHeapMb: number;
};

/** A sink that counts bytes and throws them away. */
function counter(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
}

/** The process's memory: the JavaScript heap in use plus what lives outside it (buffers), and the resident set. */
export type Memory = { used: number; rss: number };

function memoryNow(): Memory {
  const m = process.memoryUsage();
  return { used: m.heapUsed + m.external, rss: m.rss };
}

/** The process's memory after a garbage collection (with --expose-gc): its idle level. */
export function idleMemory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  return memoryNow();
}

/**
 * Samples the memory every 20 ms while `work` runs; answers seconds and the peaks above `idle` in MB: the resident
 * set, and the heap in use plus buffers (which holds garbage not yet collected; decision 0038).
 */
export async function measure<T>(
  work: () => Promise<T>,
  idle: Memory,
): Promise<{ result: T; seconds: number; cpuSeconds: number; peakMb: number; peakHeapMb: number }> {
  const peak = idleMemory();
  const sample = () => {
    const now = memoryNow();
    peak.used = Math.max(peak.used, now.used);
    peak.rss = Math.max(peak.rss, now.rss);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await work();
    sample();
    const used = process.cpuUsage(cpu);
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      peakMb: (peak.rss - idle.rss) / MB,
      peakHeapMb: (peak.used - idle.used) / MB,
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The baseline: the export's own query (every report, no filter), owner rights, a server-side cursor read in
 * the export's pages, no formatting and nothing written.
 */
async function rawRead(db: Database): Promise<number> {
  return db.asSystem(async (tx) => {
    await openCursor(tx, 'reports', {}, 'raw');
    let n = 0;
    for (;;) {
      const page = await fetchCursor(tx, 'raw', FETCH_ROWS);
      n += page.rows.length;
      if (page.rows.length < FETCH_ROWS) return n;
    }
  });
}

/** The kept scratch database holding exactly `rows` seeded reports (seeded now if it holds fewer). */
export async function openReportsDatabase(
  rows: number,
  note: (text: string) => void,
  ownerUrl?: string,
): Promise<Scratch> {
  const scratch = await openScratch(`sigap_bench_reports_${rows}`, { keep: true, ownerUrl });
  const held = await countReports(scratch.db);
  if (held < rows) {
    note(`seeding reports ${held.toLocaleString('en')} → ${rows.toLocaleString('en')} in ${scratch.name}`);
    await seedReports(scratch.db, { from: held, to: rows }, scratch.userId, 200_000, (n) =>
      note(`  ${n.toLocaleString('en')} reports`),
    );
  } else {
    note(`${scratch.name}: ${held.toLocaleString('en')} reports already seeded`);
  }
  return scratch;
}

/**
 * Exports every report of a database in `format` as the province, then the baseline read: the export first, so
 * that nothing the baseline held is counted in the export's memory.
 */
async function measureOne(scratch: Scratch, format: 'csv' | 'xlsx', idle: Memory): Promise<ExportFigure> {
  const deps = { db: scratch.db, clock: systemClock, config: { geoDir: undefined } };
  const run = await measure(async () => {
    const { sink, bytes } = counter();
    const prepared = await prepareExport(
      deps,
      scratch.principal,
      'reports',
      ReportsExportQuery.parse({ format }),
    );
    const rows = await prepared.write(sink);
    return { rows, bytes: bytes() };
  }, idle);
  const baseline = await measure(() => rawRead(scratch.db), idle);
  return {
    format,
    rows: run.result.rows,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    bytes: run.result.bytes,
    peakMb: run.peakMb,
    peakHeapMb: run.peakHeapMb,
    baselineSeconds: baseline.seconds,
    baselineCpuSeconds: baseline.cpuSeconds,
    baselinePeakMb: baseline.peakMb,
    baselinePeakHeapMb: baseline.peakHeapMb,
  };
}

/**
 * CSV of `rows` reports, then XLSX of `xlsxRows`, each in its own kept database; memory above the first idle.
 * A size of 0 leaves that format out.
 */
export async function measureExportsAtSize(
  rows: number,
  xlsxRows: number,
  note: (text: string) => void,
  ownerUrl?: string,
): Promise<ExportFigure[]> {
  const figures: ExportFigure[] = [];
  let idle: Memory | undefined;
  const formats = [
    [rows, 'csv'],
    [xlsxRows, 'xlsx'],
  ] as const;
  for (const [size, format] of formats.filter(([n]) => n > 0)) {
    const scratch = await openReportsDatabase(size, note, ownerUrl);
    try {
      // Idle: started, connected, nothing exported or read yet.
      idle ??= idleMemory();
      note(
        `${format.toUpperCase()} export of ${size.toLocaleString('en')} reports (idle: heap and buffers ` +
          `${(idle.used / MB).toFixed(0)} MB, resident ${(idle.rss / MB).toFixed(0)} MB)`,
      );
      figures.push(await measureOne(scratch, format, idle));
    } finally {
      await scratch.dispose();
    }
  }
  return figures;
}

/** One line of figures, as printed by this bench and `npm run bench -- --at-size`. */
export function describeExport(f: ExportFigure): string {
  return (
    `${f.format.toUpperCase()} ${f.rows.toLocaleString('en')} laporan: ${f.seconds.toFixed(1)} s ` +
    `(CPU ${f.cpuSeconds.toFixed(1)} s) ` +
    `(${Math.round(f.rows / f.seconds)} baris/s), ${(f.bytes / MB).toFixed(0)} MB, memori puncak (RSS) ` +
    `+${f.peakMb.toFixed(0)} MB di atas diam${f.format === 'csv' ? ` (batas ${EXPORT_MEMORY_LIMIT_MB} MB)` : ''}, ` +
    `heap + buffer +${f.peakHeapMb.toFixed(0)} MB | dasar (kueri ekspor, kursor pemilik tanpa format): ` +
    `${f.baselineSeconds.toFixed(1)} s (CPU ${f.baselineCpuSeconds.toFixed(1)} s), RSS +${f.baselinePeakMb.toFixed(0)} MB, heap + buffer +${f.baselinePeakHeapMb.toFixed(0)} MB`
  );
}

if (import.meta.main) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const xlsxRows = Math.min(rows, Number(process.argv[3] ?? 100_000));
  const note = (text: string) => process.stderr.write(`${text}\n`);
  for (const figure of await measureExportsAtSize(rows, xlsxRows, note)) console.log(describeExport(figure));
}

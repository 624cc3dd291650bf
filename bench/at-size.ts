/**
 * The figures at the sizes of the issue on exports and history (decision 0033), for `npm run bench -- --at-size`:
 * on PostgreSQL, the CSV export of 1,000,000 reports and the XLSX of 100,000 (bench/exports.bench.ts) and the
 * history import of 50,000 rows against COPY of the same rows (bench/history-import.bench.ts).
 */
import { describeExport, EXPORT_MEMORY_LIMIT_MB, measureExportsAtSize } from './exports.bench.ts';
import { describeImport, measureHistoryImport } from './history-import.bench.ts';
import type { Row } from './run.ts';

/** The parts of the figures at size: `--at-size` runs all, `--at-size=csv,import` only those. */
export const AT_SIZE_PARTS = ['csv', 'xlsx', 'import'] as const;
export type AtSizePart = (typeof AT_SIZE_PARTS)[number];

/** The parts asked for by `--at-size[=part,part]`; undefined without the flag. */
export function atSizeParts(argv: readonly string[]): AtSizePart[] | undefined {
  const flag = argv.find((arg) => arg === '--at-size' || arg.startsWith('--at-size='));
  if (!flag) return undefined;
  if (flag === '--at-size') return [...AT_SIZE_PARTS];
  const asked = flag.slice('--at-size='.length).split(',');
  const unknown = asked.filter((part) => !(AT_SIZE_PARTS as readonly string[]).includes(part));
  if (unknown.length > 0)
    throw new Error(`--at-size: unknown part ${unknown.join(', ')} (parts: ${AT_SIZE_PARTS.join(', ')})`);
  return asked as AtSizePart[];
}

/** The exports and the history import at the sizes, on PostgreSQL (bench/exports.bench.ts, …). */
export async function benchAtSize(
  note: (text: string) => void,
  postgresUrl: string,
  parts: readonly AtSizePart[] = AT_SIZE_PARTS,
): Promise<{ rows: Row[]; lines: string[] }> {
  const lines: string[] = [];
  const rows: Row[] = [];
  const database = 'PostgreSQL';
  try {
    const csvRows = parts.includes('csv') ? 1_000_000 : 0;
    const xlsxRows = parts.includes('xlsx') ? 100_000 : 0;
    for (const f of await measureExportsAtSize(csvRows, xlsxRows, note, postgresUrl)) {
      lines.push(describeExport(f));
      const isCsv = f.format === 'csv';
      rows.push({
        database,
        measure: `${f.format.toUpperCase()} export, ${f.rows.toLocaleString('en')} reports`,
        value: `${f.seconds.toFixed(0)} s (${Math.round(f.rows / f.seconds)} rows/s, CPU ${f.cpuSeconds.toFixed(0)} s), peak RSS +${f.peakMb.toFixed(0)} MB (heap + buffers +${f.peakHeapMb.toFixed(0)})`,
        baseline: `raw cursor ${f.baselineSeconds.toFixed(0)} s (CPU ${f.baselineCpuSeconds.toFixed(0)} s), RSS +${f.baselinePeakMb.toFixed(0)} MB`,
        ratio: `×${(f.seconds / f.baselineSeconds).toFixed(1)} time, ×${(f.cpuSeconds / f.baselineCpuSeconds).toFixed(1)} CPU`,
        target: isCsv ? `RSS < ${EXPORT_MEMORY_LIMIT_MB} MB above idle` : '—',
        verdict: isCsv ? (f.peakMb < EXPORT_MEMORY_LIMIT_MB ? 'ok' : 'MISS') : '—',
      });
    }
    if (!parts.includes('import')) return { rows, lines };
    const i = await measureHistoryImport(50_000, note, postgresUrl);
    lines.push(describeImport(i));
    rows.push({
      database,
      measure: `history import, ${i.rows.toLocaleString('en')} rows`,
      value: `${i.importSeconds.toFixed(0)} s (${Math.round(i.rows / i.importSeconds)} rows/s)`,
      baseline: `COPY ${i.copySeconds.toFixed(0)} s`,
      ratio: `×${(i.importSeconds / i.copySeconds).toFixed(1)} time`,
      target: '—',
      verdict: `${i.stored.toLocaleString('en')} stored`,
    });
  } catch (error) {
    rows.push({
      database,
      measure: 'figures at size',
      value: `not measured: ${String(error)}`,
      baseline: '',
      ratio: '',
      target: '',
      verdict: 'ERROR',
    });
  }
  return { rows, lines };
}

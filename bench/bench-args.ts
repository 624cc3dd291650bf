/** What the stand-alone benches share: a `--name value` flag, a progress line on stderr, the load average. */
import os from 'node:os';

/** The value after `--name` on the command line, or the fallback. */
export function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? (process.argv[at + 1] as string) : fallback;
}

/** A progress line on stderr, with the UTC time of day when `timed`. */
export function note(text: string, timed = true): void {
  process.stderr.write(timed ? `[${new Date().toISOString().slice(11, 19)}] ${text}\n` : `${text}\n`);
}

/** Calls `call` once to warm (plans, caches), then `rounds` times: each call's milliseconds, fastest first. */
export async function timeRounds(rounds: number, call: () => Promise<unknown>): Promise<number[]> {
  await call();
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b);
}

/** Rows of cells as lines of text, each column padded to its widest cell. */
export function alignRows(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * Runs a bench on each database `which` names ('both', 'postgres' or 'pglite'), PostgreSQL first: the lines each
 * gave, or a line saying why it was not measured.
 */
export async function benchEachDatabase(
  which: string,
  benchOne: (kind: 'postgres' | 'pglite') => Promise<string | string[]>,
): Promise<string[]> {
  const out: string[] = [];
  for (const kind of ['postgres', 'pglite'] as const) {
    if (which !== 'both' && which !== kind) continue;
    try {
      out.push(...[await benchOne(kind)].flat());
    } catch (error) {
      out.push(`── ${kind}: not measured: ${String(error)}`);
    }
  }
  return out;
}

/** The 1, 5 and 15 minute load averages, as a bench prints them beside its figures. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
}

import {
  FOLLOW_DAYS,
  formatBacktest,
  formatContentComparison,
  importedDays,
  reportDays,
  runBacktest,
  runBacktestBoth,
} from '../server/modules/levels/backtest.ts';
import type { Database } from '../server/platform/db.ts';
import { addDays } from '../shared/early-warning/calendar.ts';
import { wibDate } from '../shared/time.ts';
import type { CliOutput, ExitCode } from './cli-commands.ts';

/** `early-warning backtest`: WIB days; without them, the last year of reports whose next 14 days are known. */
export type BacktestArgs = { from?: string; to?: string };

/**
 * `early-warning backtest`: runs the level model over past reports and prints what followed each level, then the
 * same with and without the provocative-content factor.
 */
export async function backtestCommand(
  db: Database,
  args: BacktestArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const span = await reportDays(db);
  if (!span) {
    output.out('Belum ada laporan untuk diuji / no reports to test yet');
    return 0;
  }
  // The last day whose following 14 days are known; ISO days sort as text.
  const latest = addDays([span.last, wibDate(new Date())].sort()[0], -FOLLOW_DAYS);
  const to = args.to ?? latest;
  const from = args.from ?? [addDays(to, -364), addDays(span.first, 30)].sort()[1];
  if (from > to) {
    output.err(`Rentang kosong: ${from} … ${to} / empty range`);
    return 1;
  }
  const started = performance.now();
  // The model as it runs, then what the provocative-content factor changes (with and without it).
  const both = await runBacktestBoth(db, { from, to });
  for (const line of formatBacktest(both.withContent)) output.out(line);
  for (const line of formatContentComparison(both)) output.out(line);
  // With imported history and no range asked for, the same figures on the imported period: how the model
  // would have read the years before Sigap (its first 30 days only feed the baseline).
  const imported = args.from || args.to ? undefined : await importedDays(db);
  if (imported) {
    const importedTo = [imported.last, latest].sort()[0] as string;
    const importedFrom = addDays(imported.first, 30);
    if (importedFrom <= importedTo) {
      output.out('');
      output.out(`Periode riwayat impor / imported period: ${imported.first} … ${imported.last}`);
      for (const line of formatBacktest(await runBacktest(db, { from: importedFrom, to: importedTo })))
        output.out(line);
    }
  }
  output.err(`(${Math.round(performance.now() - started)} ms)`);
  return 0;
}

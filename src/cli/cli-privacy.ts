import { planRetention, runRetention } from '../server/modules/privacy/retention-service.ts';
import { systemClock } from '../server/platform/clock.ts';
import type { Database } from '../server/platform/db.ts';
import type { CliOutput, ExitCode } from './cli-commands.ts';

/**
 * `privacy retention-plan` / `privacy retention-run`: the retention job's dry run, or the run itself, from the
 * machine's console — counts and record ids per table, never a value (docs/PRIVACY.md).
 */
export async function retentionCommand(
  db: Database,
  { dryRun }: { dryRun: boolean },
  output: CliOutput,
): Promise<ExitCode> {
  const deps = { db, clock: systemClock };
  const plan = dryRun ? await planRetention(deps) : await runRetention(deps);
  output.out(
    dryRun
      ? `Rencana retensi (uji coba, tidak ada yang diubah) / retention plan (dry run, nothing changed), ${plan.at}`
      : `Retensi dijalankan / retention run, ${plan.at}`,
  );
  output.out(
    `Batas / cut-offs: kasus ditutup sebelum ${plan.cutoffs.caseClosedBefore}, pelapor warga sebelum ` +
      `${plan.cutoffs.reportedBefore}, pilar tidak aktif sejak sebelum ${plan.cutoffs.pillarInactiveBefore}`,
  );
  for (const table of plan.tables) {
    output.out(`  ${table.table.padEnd(18)} ${String(table.count).padStart(6)}  ${table.label}`);
    if (table.ids.length > 0) output.out(`    ${table.ids.join(' ')}`);
  }
  output.out(`Ditahan (kasus terbuka atau penahanan hukum) / kept (open case or legal hold): ${plan.kept}`);
  return 0;
}

import { risenHeadline } from '../../shared/early-warning/alert-rules.ts';
import { type Factor, levelRank } from '../../shared/early-warning/level-model.ts';
import { kabkotaOf, levelOfCode } from '../../shared/region-codes.ts';
import { raiseAlertInTx } from '../modules/alerts/alert-raising.ts';
import { recomputeLevels } from '../modules/levels/levels-service.ts';
import { loadSettings } from '../modules/levels/model-settings-service.ts';
import type { AuditActor } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import { listLevelsWithoutAlert } from './demo-extras-store.ts';

/**
 * Computes the levels of the demo's kab/kota and raises an alert for each region above normal that has none
 * (a kecamatan, or a kab/kota whose level is above every alert under it): the first computation of a region
 * only sets its level, so without this a demo would show "Awas" with no alert. Returns the alerts raised.
 */
export async function raiseAlertsForLevels(
  db: Database,
  by: AuditActor,
  clock: Clock,
  kabkotaCodes: readonly string[],
): Promise<number> {
  await recomputeLevels({ db, clock, config: { geoDir: undefined } }, { kabkotaCodes });
  return db.asSystem(async (tx) => {
    const now = clock.now();
    const settings = await loadSettings(tx);
    const raisedUnder = new Map<string, number>();
    let raised = 0;
    for (const row of await listLevelsWithoutAlert(tx, kabkotaCodes)) {
      const isKabkota = levelOfCode(row.regionCode) === 'kabkota';
      if (isKabkota && (raisedUnder.get(row.regionCode) ?? -1) >= levelRank(row.level)) continue;
      const factors = row.factors as Factor[];
      const name = isKabkota ? row.regionName : `Kecamatan ${row.regionName}, ${row.kabkotaName}`;
      const done = await raiseAlertInTx(
        tx,
        { audit: by, userId: null },
        {
          regionCode: row.regionCode,
          level: row.level,
          source: 'otomatis',
          headline: risenHeadline(row.level, name),
          description: factors.map((f) => f.text).join('; '),
          factors,
        },
        { now, settings, geoDir: undefined },
      );
      if (!done) continue;
      raised++;
      const kab = kabkotaOf(row.regionCode) ?? row.regionCode;
      raisedUnder.set(kab, Math.max(raisedUnder.get(kab) ?? -1, levelRank(row.level)));
    }
    return raised;
  });
}

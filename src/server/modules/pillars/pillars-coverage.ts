import {
  type AreaCounts,
  type AreaLevel,
  type CoverageArea,
  type CoverageReply,
  type CoverageTarget,
  compareNeed,
  computeCoverage,
  type GapItem,
  NEED_WINDOW_DAYS,
} from '../../../shared/pillars/coverage.ts';
import { levelOfCode } from '../../../shared/regions.ts';
import { toWibIso } from '../../../shared/time.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError, foundOr, invalidField } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { type PillarDeps, requireAdmin, requireReader } from './pillars-service.ts';
import * as store from './pillars-store.ts';

export async function listTargets(
  deps: Pick<PillarDeps, 'db'>,
  principal: Principal,
): Promise<CoverageTarget[]> {
  requireReader(principal);
  return deps.db.asActor(principal.actor, (tx) => store.listTargets(tx));
}

/** Sets how many active pillars of a type each area of a level should have (admin). */
export async function saveTarget(
  deps: Pick<PillarDeps, 'db'>,
  principal: Principal,
  target: CoverageTarget,
): Promise<CoverageTarget[]> {
  requireAdmin(principal);
  return deps.db.asActor(principal.actor, async (tx) => {
    const types = await store.listItems(tx, 'types');
    if (!types.some((type) => type.code === target.pillarType)) {
      throw invalidField('pillarType', `Jenis pilar tidak dikenal: ${target.pillarType}`);
    }
    await store.upsertTarget(tx, target);
    await appendAudit(tx, principal, 'pillar_target.saved', `${target.pillarType}:${target.areaLevel}`, {
      perArea: target.perArea,
    });
    return store.listTargets(tx);
  });
}

type Breakdown = {
  parent: { level: AreaLevel | 'bakorwil' | 'provinsi'; counts: AreaCounts };
  childLevel: AreaLevel;
  children: CoverageArea[];
};

/** Loads an area's children with their active counts and sizes; refuses areas outside the principal's scope. */
async function loadBreakdown(
  tx: Tx,
  principal: Principal,
  region: string,
  pillarType: string,
): Promise<Breakdown> {
  const isBakorwil = /^[IVX]+$/.test(region);
  let areas: store.AreaRow[];
  let parentLevel: Breakdown['parent']['level'];
  if (isBakorwil) {
    if (!(await store.findBakorwilName(tx, region)))
      throw new DomainError('not_found', `Bakorwil ${region} tidak ditemukan`);
    areas = await store.listBakorwilAreas(tx, region);
    parentLevel = 'bakorwil';
  } else {
    const area = foundOr(await store.findArea(tx, region), `Wilayah ${region} tidak ditemukan`);
    if (area.level === 'desa')
      throw invalidField('region', 'Pilih kab/kota, kecamatan, Bakorwil atau provinsi');
    areas = await store.listChildAreas(tx, region);
    parentLevel = area.level as Breakdown['parent']['level'];
  }
  const outside = isBakorwil ? areas.find((area) => !isInViewerScope(principal.actor, area.code)) : undefined;
  if (outside || (!isBakorwil && !isInViewerScope(principal.actor, region))) {
    throw new DomainError('forbidden', 'Wilayah ini di luar lingkup Anda');
  }
  const codes = areas.map((area) => area.code);
  const childLevel = (areas[0]?.level ?? levelOfCode(`${region}.00`)) as AreaLevel;
  const sizes = await store.countAreasWithin(tx, codes);
  const active = await store.countActivePillars(tx, pillarType, codes);
  const children: CoverageArea[] = areas.map((area) => {
    const counts: AreaCounts = { [area.level]: 1 };
    for (const size of sizes.filter((entry) => entry.code === area.code)) counts[size.level] = size.count;
    return {
      regionCode: area.code,
      name: area.name,
      level: area.level,
      counts,
      active: active.get(area.code) ?? 0,
    };
  });
  const counts: AreaCounts = {};
  for (const child of children) {
    for (const [level, count] of Object.entries(child.counts) as [AreaLevel, number][]) {
      counts[level] = (counts[level] ?? 0) + count;
    }
  }
  if (parentLevel === 'kabkota' || parentLevel === 'kecamatan') counts[parentLevel] = 1;
  return { parent: { level: parentLevel, counts }, childLevel, children };
}

function requireCoverageReader(principal: Principal): void {
  authorize(principal, 'pillar.coverage', 'Peran Anda tidak dapat melihat cakupan pilar');
}

/** Per child area of `region` (a code or a Bakorwil id): active pillars of the type, the target and the gap. */
export async function getCoverage(
  deps: Pick<PillarDeps, 'db'>,
  principal: Principal,
  region: string,
  pillarType: string,
): Promise<CoverageReply> {
  requireCoverageReader(principal);
  return deps.db.asActor(principal.actor, async (tx) => {
    const breakdown = await loadBreakdown(tx, principal, region, pillarType);
    const rules = await store.listTargets(tx, pillarType);
    return computeCoverage(breakdown.parent, breakdown.children, rules);
  });
}

/** The child areas below target, by need: recent reports first, then the largest shortfall. */
export async function listCoverageGaps(
  deps: Pick<PillarDeps, 'db' | 'clock'>,
  principal: Principal,
  region: string,
  pillarType: string,
): Promise<{ items: GapItem[] }> {
  requireCoverageReader(principal);
  const since = new Date(deps.clock.now().getTime() - NEED_WINDOW_DAYS * 86_400_000);
  return deps.db.asActor(principal.actor, async (tx) => {
    const breakdown = await loadBreakdown(tx, principal, region, pillarType);
    const rules = await store.listTargets(tx, pillarType);
    const coverage = computeCoverage(breakdown.parent, breakdown.children, rules);
    const activity = await store.countRecentReports(
      tx,
      breakdown.childLevel,
      coverage.items.map((item) => item.regionCode),
      since,
    );
    const items = coverage.items
      .filter((item): item is typeof item & { gap: number } => item.gap !== null && item.gap > 0)
      .map((item) => {
        const reports = activity.get(item.regionCode);
        return {
          ...item,
          recentReports: reports?.count ?? 0,
          lastReportAt: reports ? toWibIso(reports.last) : null,
        };
      })
      .sort(compareNeed);
    return { items };
  });
}

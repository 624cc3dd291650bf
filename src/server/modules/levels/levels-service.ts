import { isAlertLevel, risenHeadline } from '../../../shared/early-warning/alert-rules.ts';
import { addDays, recurringEventsBetween } from '../../../shared/early-warning/calendar.ts';
import {
  type ChildLevel,
  CONTENT_WINDOW_HOURS,
  combineKabkota,
  computeLevel,
  type EarlyWarningSettings,
  type Factor,
  type Level,
  type LevelResult,
  levelRank,
  reportWeight,
} from '../../../shared/early-warning/level-model.ts';
import { levelOfCode, parentOf } from '../../../shared/regions.ts';
import { toWibIso, toWibIsoOrNull, wibDate } from '../../../shared/time.ts';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { publishEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { raiseAlertInTx } from '../alerts/alert-raising.ts';
import type { AlertDeps } from '../alerts/alerts-service.ts';
import * as calendar from '../calendar/calendar-service.ts';
import { listSpreadingContentIn } from '../provocation/spread-service.ts';
import { queueDeliveries } from '../webhooks/webhooks-service.ts';
import {
  addToTally,
  buildRegister,
  type ContentSeen,
  EMPTY_TALLY,
  isSpreadingAt,
  type Occurrence,
  occurrenceOfEvent,
  occurrenceOfRecurring,
  type Register,
  regionInput,
  type Tally,
  tallyContent,
} from './levels-rules.ts';
import * as store from './levels-store.ts';
import { loadSettings } from './model-settings-service.ts';

export type LevelDeps = AlertDeps;

const DAY_MS = 86_400_000;

export type RecomputeResult = {
  /** Kecamatan and kab/kota computed. */
  regions: number;
  /** Regions whose level changed (the first computation of a region counts). */
  changed: number;
  /** Alerts raised by rises. */
  alerts: number;
  ms: number;
};

/** What every kab/kota chunk of one run shares. */
type RunContext = {
  now: Date;
  today: string;
  settings: EarlyWarningSettings;
  range: { now: Date; recentStart: Date; historyStart: Date };
  historyDays: number;
  provincePerDayPerKabkota: number;
  occurrences: Occurrence[];
  register: Register;
  /** Provocative content seen within the content window (the provocation watch). */
  content: readonly ContentSeen[];
  geoDir: string | undefined;
};

/** Recomputes every level now, at the office's asking (the province or the admin). */
export async function recomputeNow(deps: LevelDeps, principal: Principal): Promise<RecomputeResult> {
  authorize(principal, 'level.recompute');
  return recomputeLevels(deps);
}

/**
 * Recomputes the level of every kecamatan and kab/kota (or of the kab/kota listed): one transaction per
 * kab/kota, so requests keep being served between chunks. A level that rises from a known level raises an
 * alert; the first computation of a region only sets its level. Webhook deliveries are queued after each commit.
 */
export async function recomputeLevels(
  deps: LevelDeps,
  options: { kabkotaCodes?: readonly string[] } = {},
): Promise<RecomputeResult> {
  const started = performance.now();
  const now = deps.clock.now();
  const { context, kabkota } = await deps.db.asSystem(async (tx) => {
    const settings = await loadSettings(tx);
    const recentStart = new Date(now.getTime() - settings.windowDays * DAY_MS);
    const historyStart = new Date(recentStart.getTime() - settings.historyDays * DAY_MS);
    const first = await store.findFirstReportAt(tx);
    const available = first ? Math.floor((recentStart.getTime() - first.getTime()) / DAY_MS) : 0;
    const historyDays = Math.max(0, Math.min(settings.historyDays, available));
    const allKabkota = await store.listKabkota(tx);
    const province = await store.aggregateProvinceHistory(tx, { recentStart, historyStart });
    const provinceWeighted = province.reduce((sum, row) => sum + reportWeight(row) * row.n, 0);
    const today = wibDate(now);
    const until = new Date(now.getTime() + (settings.lookaheadDays + 1) * DAY_MS);
    const overrides = await calendar.listOverrides(tx);
    const occurrences = [
      ...(await calendar.listActiveEvents(tx, now, until)).map(occurrenceOfEvent),
      ...recurringEventsBetween(today, addDays(today, settings.lookaheadDays), overrides).map(
        occurrenceOfRecurring,
      ),
    ];
    const register = buildRegister(await store.listPresence(tx), await store.listActiveRivalries(tx));
    const context: RunContext = {
      now,
      today,
      settings,
      range: { now, recentStart, historyStart },
      historyDays,
      provincePerDayPerKabkota: historyDays > 0 ? provinceWeighted / historyDays / allKabkota.length : 0,
      occurrences,
      register,
      content: await listSpreadingContentIn(tx, {
        from: new Date(now.getTime() - CONTENT_WINDOW_HOURS * 3_600_000),
        to: now,
        kabkotaCodes: options.kabkotaCodes ?? null,
      }),
      geoDir: deps.config.geoDir,
    };
    const kabkota = options.kabkotaCodes ? await store.listKabkota(tx, options.kabkotaCodes) : allKabkota;
    return { context, kabkota };
  });

  const result: RecomputeResult = { regions: 0, changed: 0, alerts: 0, ms: 0 };
  for (const k of kabkota) {
    const chunk = await deps.db.asSystem((tx) => recomputeKabkota(tx, k, context));
    result.regions += chunk.regions;
    result.changed += chunk.changed;
    result.alerts += chunk.alerts;
    await queueDeliveries(deps.db, deps.jobs?.(), chunk.deliveryIds);
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

type ChunkResult = { regions: number; changed: number; alerts: number; deliveryIds: string[] };

async function recomputeKabkota(tx: Tx, k: store.RegionName, ctx: RunContext): Promise<ChunkResult> {
  // Two runs at once (the schedule and a request) take turns per kab/kota.
  await store.lockKabkota(tx, k.code);
  const { settings } = ctx;
  const kecamatan = await store.listKecamatan(tx, k.code);
  const previous = new Map(
    (await store.lockLevels(tx, [k.code, ...kecamatan.map((c) => c.code)])).map((row) => [
      row.regionCode,
      row,
    ]),
  );
  const tallies = new Map<string, Tally>();
  let kabTally = EMPTY_TALLY;
  for (const row of await store.aggregateReports(tx, [k.code], ctx.range)) {
    kabTally = addToTally(kabTally, row, row.age, row.n, settings);
    if (row.kecamatanCode) {
      tallies.set(
        row.kecamatanCode,
        addToTally(tallies.get(row.kecamatanCode) ?? EMPTY_TALLY, row, row.age, row.n, settings),
      );
    }
  }
  const content = tallyContent(
    ctx.content,
    isSpreadingAt(ctx.now, CONTENT_WINDOW_HOURS),
    new Map(kecamatan.map((c) => [c.code, c.name])),
  );
  const kabPerDay = ctx.historyDays > 0 ? kabTally.historyWeighted / ctx.historyDays : 0;
  const history = (priorPerDay: number) => ({ days: ctx.historyDays, priorPerDay });

  const saved: store.LevelRow[] = [];
  const children: ChildLevel[] = [];
  const rises: { code: string; name: string; result: LevelResult }[] = [];
  let changed = 0;
  const record = async (code: string, name: string, result: LevelResult, ownLevel: Level) => {
    const before = previous.get(code);
    const isChange = !before || before.level !== result.level;
    saved.push({
      regionCode: code,
      level: result.level,
      ownLevel,
      score: result.score,
      factors: result.factors,
      computedAt: ctx.now,
      levelSince: isChange ? ctx.now : before.levelSince,
    });
    if (!isChange) return;
    changed++;
    await store.insertLevelChange(tx, {
      regionCode: code,
      from: before?.level ?? null,
      to: result.level,
      score: result.score,
      factors: result.factors,
      at: ctx.now,
    });
    if (!before) return; // the first computation sets a level; it raises nothing
    await publishEvent(tx, {
      type: 'early_warning.level_changed',
      subject: { type: 'region', id: code },
      visibility: { regionCode: code },
      summary: { regionCode: code, level: result.level, previous: before.level, score: result.score },
    });
    if (levelRank(result.level) > levelRank(before.level)) rises.push({ code, name, result });
  };

  // A region's model input: its own tally and baseline, the run's calendar, register, day and settings.
  const inputOf = (region: Parameters<typeof regionInput>[0], tally: Tally, perDay: number) =>
    regionInput(
      region,
      tally,
      history(perDay),
      ctx.occurrences,
      ctx.register,
      ctx.today,
      settings,
      content.get(region.code),
    );

  for (const c of kecamatan) {
    const input = inputOf(
      { code: c.code, level: 'kecamatan', name: c.name },
      tallies.get(c.code) ?? EMPTY_TALLY,
      kecamatan.length > 0 ? kabPerDay / kecamatan.length : 0,
    );
    const result = computeLevel(input, previous.get(c.code)?.level, settings);
    children.push({ name: c.name, level: result.level, score: result.score });
    await record(c.code, `Kecamatan ${c.name}, ${k.name}`, result, result.level);
  }
  const ownInput = inputOf(
    { code: k.code, level: 'kabkota', name: k.name },
    kabTally,
    ctx.provincePerDayPerKabkota,
  );
  const own = computeLevel(ownInput, previous.get(k.code)?.ownLevel, settings);
  const combined = combineKabkota(own, children);
  const topChild = Math.max(0, ...children.map((c) => levelRank(c.level)));
  await record(k.code, k.name, combined, own.level);
  // A kab/kota that rises only because one of its kecamatan did is covered by that kecamatan's alert.
  const alertable = rises.filter((r) => r.code !== k.code || levelRank(r.result.level) > topChild);
  await store.saveLevels(tx, saved);

  const deliveryIds: string[] = [];
  let alerts = 0;
  for (const rise of alertable) {
    if (!isAlertLevel(rise.result.level)) continue;
    const raised = await raiseAlertInTx(
      tx,
      { audit: SYSTEM_ACTOR, userId: null },
      {
        regionCode: rise.code,
        level: rise.result.level,
        source: 'otomatis',
        headline: risenHeadline(rise.result.level, rise.name),
        description: describeFactors(rise.result.factors),
        factors: rise.result.factors,
      },
      { now: ctx.now, settings, geoDir: ctx.geoDir },
    );
    if (raised) {
      alerts++;
      deliveryIds.push(...raised.deliveryIds);
    }
  }
  return { regions: saved.length, changed, alerts, deliveryIds };
}

function describeFactors(factors: readonly Factor[]): string {
  return factors.map((f) => f.text).join('; ');
}

/** A region's level as the API shows it. */
export type LevelItem = {
  regionCode: string;
  regionName: string;
  level: Level;
  score: number;
  factors: Factor[];
  computedAt: string | null;
  levelSince: string | null;
};

function toItem(v: store.LevelView): LevelItem {
  return {
    ...v,
    computedAt: toWibIsoOrNull(v.computedAt),
    levelSince: toWibIsoOrNull(v.levelSince),
  };
}

/** The level of each child of `parentCode` (the province → kab/kota; a kab/kota → its kecamatan). */
export async function listLevels(
  deps: LevelDeps,
  principal: Principal,
  parentCode: string,
): Promise<LevelItem[]> {
  authorize(principal, 'level.view', 'Peran Anda tidak melihat tingkat kerawanan');
  const depth = levelOfCode(parentCode);
  if (depth !== 'provinsi' && depth !== 'kabkota') {
    throw new DomainError('validation_failed', 'parent: kode provinsi (35) atau kab/kota (mis. 35.09)');
  }
  return deps.db.asActor(principal.actor, async (tx) => {
    foundOr(await store.findRegion(tx, parentCode), 'Wilayah tidak ditemukan');
    return (await store.listChildLevels(tx, parentCode)).map(toItem);
  });
}

/** One region's level and its latest changes. */
export async function getLevel(deps: LevelDeps, principal: Principal, code: string) {
  authorize(principal, 'level.view', 'Peran Anda tidak melihat tingkat kerawanan');
  return deps.db.asActor(principal.actor, async (tx) => {
    const region = await store.findRegion(tx, code);
    if (!region || (region.level !== 'kecamatan' && region.level !== 'kabkota')) {
      throw new DomainError('not_found', 'Wilayah tidak ditemukan');
    }
    const parent = parentOf(code) as string;
    const item = (await store.listChildLevels(tx, parent)).find((v) => v.regionCode === code)!;
    const changes = await store.listLevelChanges(tx, code, 20);
    return {
      ...toItem(item),
      changes: changes.map((c) => ({ ...c, changedAt: toWibIso(c.changedAt) })),
    };
  });
}

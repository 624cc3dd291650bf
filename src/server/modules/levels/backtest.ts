// The backtest: runs the level model day by day over past reports and checks what followed each level.
// It reads whatever the reports table holds (imported history or demo data) and judges it with the same
// functions as the recompute job.
import { addDays, daysBetween, recurringEventsBetween } from '../../../shared/early-warning/calendar.ts';
import {
  computeLevel,
  decay,
  type EarlyWarningSettings,
  LEVELS,
  type Level,
  levelRank,
  NO_ACTIVITY,
  type RecentActivity,
  reportWeight,
} from '../../../shared/early-warning/level-model.ts';
import type { Database } from '../../platform/db.ts';
import * as calendar from '../calendar/calendar-service.ts';
import { listSpreadingContentIn } from '../provocation/spread-service.ts';
import { type DailyRow, findReportDays, listDailyReports } from './backtest-store.ts';
import {
  buildRegister,
  type ContentSeen,
  calendarIn,
  nounOf,
  type Occurrence,
  occurrenceOfEvent,
  occurrenceOfRecurring,
  rivalriesIn,
  tallyContent,
} from './levels-rules.ts';
import * as store from './levels-store.ts';
import { loadSettings } from './model-settings-service.ts';

/** How far ahead an incident counts as following a level, and behind as preceded by a rise. */
export const FOLLOW_DAYS = 14;

export type BacktestRow = {
  level: Level;
  /** Kecamatan-days spent at this level. */
  regionDays: number;
  /** Of those, days followed by an incident (kejadian) in the same kecamatan within FOLLOW_DAYS. */
  followed: number;
};

export type BacktestResult = {
  from: string;
  to: string;
  kecamatan: number;
  reports: number;
  rows: BacktestRow[];
  /** Incidents (kejadian) inside the range. */
  incidents: number;
  /** Of those, how many had no level above Normal in their kecamatan in the FOLLOW_DAYS days before. */
  incidentsWithoutRise: number;
};

/** One kecamatan's reports per WIB day: weighted sum and counts. */
type DaySeries = {
  weighted: Float64Array;
  sinyal: Uint32Array;
  provocation: Uint32Array;
  kejadian: Uint32Array;
};

function newSeries(days: number): DaySeries {
  return {
    weighted: new Float64Array(days),
    sinyal: new Uint32Array(days),
    provocation: new Uint32Array(days),
    kejadian: new Uint32Array(days),
  };
}

/** The first and last WIB day with a report, if any. */
export function reportDays(db: Database): Promise<{ first: string; last: string } | undefined> {
  return db.asSystem((tx) => findReportDays(tx, 'all'));
}

/** The first and last WIB day of the imported past incidents (the history import), if any. */
export function importedDays(db: Database): Promise<{ first: string; last: string } | undefined> {
  return db.asSystem((tx) => findReportDays(tx, 'historical'));
}

/**
 * Runs the model for every kecamatan on every day of [from, to] (evaluated at the end of each WIB day, with
 * hysteresis carried from day to day) and counts, per level, how often an incident followed within 14 days,
 * and how many incidents came with no prior rise. Groups, branches and rivalries are taken as they are now:
 * the register keeps no history.
 */
export async function runBacktest(
  db: Database,
  range: { from: string; to: string },
  options: BacktestOptions = { content: true },
): Promise<BacktestResult> {
  return simulate(await loadBacktest(db, range), range, options);
}

/** Whether spreading provocative content counts in the model (the factor `konten_provokatif`). */
export type BacktestOptions = { content: boolean };

/** The backtest with and without the provocative-content factor, over the same data. */
export async function runBacktestBoth(
  db: Database,
  range: { from: string; to: string },
): Promise<{ withContent: BacktestResult; withoutContent: BacktestResult }> {
  const loaded = await loadBacktest(db, range);
  return {
    withContent: simulate(loaded, range, { content: true }),
    withoutContent: simulate(loaded, range, { content: false }),
  };
}

async function loadBacktest(db: Database, range: { from: string; to: string }): Promise<Loaded> {
  return db.asSystem(async (tx) => {
    const settings = await loadSettings(tx);
    const kabkota = await store.listKabkota(tx);
    const kecamatan: { code: string; name: string; kabkota: string }[] = [];
    for (const k of kabkota) {
      for (const c of await store.listKecamatan(tx, k.code))
        kecamatan.push({ code: c.code, name: c.name, kabkota: k.code });
    }
    const start = addDays(range.from, -(settings.windowDays + settings.historyDays));
    const end = addDays(range.to, FOLLOW_DAYS);
    const daily = await listDailyReports(tx, start, end);
    const overrides = await calendar.listOverrides(tx);
    const events = await calendar.listActiveEvents(
      tx,
      new Date(`${range.from}T00:00:00+07:00`),
      new Date(`${addDays(range.to, settings.lookaheadDays + 1)}T00:00:00+07:00`),
    );
    const register = buildRegister(await store.listPresence(tx), await store.listActiveRivalries(tx));
    const occurrences: Occurrence[] = [
      ...events.map(occurrenceOfEvent),
      ...recurringEventsBetween(range.from, addDays(range.to, settings.lookaheadDays), overrides).map(
        occurrenceOfRecurring,
      ),
    ];
    const content = await listSpreadingContentIn(tx, {
      from: new Date(`${start}T00:00:00+07:00`),
      to: new Date(`${addDays(end, 1)}T00:00:00+07:00`),
      kabkotaCodes: null,
    });
    return { settings, kecamatan, start, end, daily, register, occurrences, content };
  });
}

type Loaded = {
  settings: EarlyWarningSettings;
  kecamatan: { code: string; name: string; kabkota: string }[];
  start: string;
  end: string;
  daily: DailyRow[];
  register: ReturnType<typeof buildRegister>;
  occurrences: Occurrence[];
  /** Provocative content seen, per kecamatan, item and WIB day. */
  content: readonly ContentSeen[];
};

/** The day-by-day simulation, pure over the loaded data. */
export function simulate(
  data: Loaded,
  range: { from: string; to: string },
  options: BacktestOptions = { content: true },
): BacktestResult {
  const { settings } = data;
  const contentOf = new Map<string, ContentSeen[]>();
  if (options.content) {
    for (const row of data.content) {
      const list = contentOf.get(row.kecamatanCode) ?? [];
      list.push(row);
      contentOf.set(row.kecamatanCode, list);
    }
  }
  const days = daysBetween(data.start, data.end) + 1;
  const series = new Map<string, DaySeries>();
  let reports = 0;
  let firstDay = days;
  for (const row of data.daily) {
    const index = daysBetween(data.start, row.day);
    if (index < 0 || index >= days) continue;
    let s = series.get(row.kecamatanCode);
    if (!s) {
      s = newSeries(days);
      series.set(row.kecamatanCode, s);
    }
    s.weighted[index] += reportWeight(row) * row.n;
    if (row.kind === 'kejadian') s.kejadian[index] += row.n;
    else {
      s.sinyal[index] += row.n;
      if (row.isProvocation) s.provocation[index] += row.n;
    }
    reports += row.n;
    firstDay = Math.min(firstDay, index);
  }
  // Prefix sums of the weights, per kecamatan and per kab/kota, for the baselines.
  const prefix = new Map<string, Float64Array>();
  const kabPrefix = new Map<string, Float64Array>();
  const kabSize = new Map<string, number>();
  for (const k of data.kecamatan) {
    kabSize.set(k.kabkota, (kabSize.get(k.kabkota) ?? 0) + 1);
    const p = new Float64Array(days + 1);
    const s = series.get(k.code);
    for (let d = 0; d < days; d++) p[d + 1] = p[d] + (s ? s.weighted[d] : 0);
    prefix.set(k.code, p);
    let kp = kabPrefix.get(k.kabkota);
    if (!kp) {
      kp = new Float64Array(days + 1);
      kabPrefix.set(k.kabkota, kp);
    }
    for (let d = 0; d <= days; d++) kp[d] += p[d];
  }
  const decays = Array.from({ length: settings.windowDays }, (_, age) => decay(age, settings.halfLifeDays));
  const fromIndex = daysBetween(data.start, range.from);
  const toIndex = daysBetween(data.start, range.to);
  const rows = new Map<Level, BacktestRow>(
    LEVELS.map((level) => [level, { level, regionDays: 0, followed: 0 }]),
  );
  let incidents = 0;
  let incidentsWithoutRise = 0;

  for (const k of data.kecamatan) {
    const s = series.get(k.code);
    const p = prefix.get(k.code) as Float64Array;
    const kp = kabPrefix.get(k.kabkota) as Float64Array;
    const size = kabSize.get(k.kabkota) ?? 1;
    const noun = nounOf('kecamatan', k.name);
    const rivalries = rivalriesIn(k.code, data.register);
    const seen = contentOf.get(k.code);
    const names = new Map([[k.code, k.name]]);
    const raisedOn = new Uint8Array(days); // 1 when the level was above Normal at the end of that day
    let previous: Level | undefined;
    for (let d = fromIndex; d <= toIndex; d++) {
      let recent: RecentActivity = NO_ACTIVITY;
      if (s) {
        let weighted = 0;
        let sinyal = 0;
        let provocation = 0;
        let kejadian = 0;
        let span = 0;
        for (let age = 0; age < settings.windowDays && d - age >= 0; age++) {
          const i = d - age;
          if (s.weighted[i] === 0) continue;
          weighted += s.weighted[i] * decays[age];
          sinyal += s.sinyal[i];
          provocation += s.provocation[i];
          kejadian += s.kejadian[i];
          span = age + 1;
        }
        recent = { weighted, sinyal, provocation, kejadian, spanDays: span };
      }
      const historyEnd = d - settings.windowDays + 1; // exclusive index into prefix: days before the window
      const historyStart = Math.max(0, historyEnd - settings.historyDays, firstDay);
      const historyDays = Math.max(0, historyEnd - historyStart);
      const today = addDays(data.start, d);
      const content = seen ? contentOnDay(seen, today, names).get(k.code) : undefined;
      const result = computeLevel(
        {
          noun,
          recent,
          history: {
            weighted: historyDays > 0 ? p[historyEnd] - p[historyStart] : 0,
            days: historyDays,
            priorPerDay: historyDays > 0 ? (kp[historyEnd] - kp[historyStart]) / historyDays / size : 0,
          },
          calendar: calendarIn(k.code, data.occurrences, data.register, today, settings.lookaheadDays),
          rivalries,
          ...(content ? { content } : {}),
        },
        previous,
        settings,
      );
      previous = result.level;
      if (levelRank(result.level) > 0) raisedOn[d] = 1;
      const row = rows.get(result.level) as BacktestRow;
      row.regionDays++;
      if (s) {
        for (let ahead = 1; ahead <= FOLLOW_DAYS && d + ahead < days; ahead++) {
          if (s.kejadian[d + ahead] > 0) {
            row.followed++;
            break;
          }
        }
      }
    }
    if (!s) continue;
    for (let d = fromIndex; d <= toIndex; d++) {
      const n = s.kejadian[d];
      if (n === 0) continue;
      incidents += n;
      let wasRaised = false;
      for (let back = 1; back <= FOLLOW_DAYS && d - back >= fromIndex; back++) {
        if (raisedOn[d - back]) {
          wasRaised = true;
          break;
        }
      }
      if (!wasRaised) incidentsWithoutRise += n;
    }
  }
  return {
    from: range.from,
    to: range.to,
    kecamatan: data.kecamatan.length,
    reports,
    rows: [...rows.values()],
    incidents,
    incidentsWithoutRise,
  };
}

/**
 * Content spreading at the end of a WIB day: seen that day or the day before (the 48 hours of the factor), and
 * not taken down by the end of the day.
 */
function contentOnDay(rows: readonly ContentSeen[], day: string, names: ReadonlyMap<string, string>) {
  const yesterday = addDays(day, -1);
  const end = new Date(`${addDays(day, 1)}T00:00:00+07:00`).getTime();
  return tallyContent(
    rows,
    (row) =>
      (row.day === day || row.day === yesterday) &&
      (row.takenDownAt === null || row.takenDownAt.getTime() > end),
    names,
  );
}

/** The result as lines of text, Indonesian then English, with the caveat next to the figures. */
export function formatBacktest(result: BacktestResult): string[] {
  const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);
  const total = result.rows.reduce((sum, r) => sum + r.regionDays, 0);
  const followed = result.rows.reduce((sum, r) => sum + r.followed, 0);
  const lines = [
    `Uji balik peringatan dini / early-warning backtest: ${result.from} … ${result.to}`,
    `${result.kecamatan} kecamatan, ${total} hari-kecamatan / kecamatan-days, ${result.reports} laporan / reports read`,
    '',
    'level     hari-kecamatan   diikuti kejadian ≤14 hari / followed by an incident within 14 days',
  ];
  for (const row of result.rows) {
    lines.push(
      `${row.level.padEnd(9)} ${String(row.regionDays).padStart(14)}   ${String(row.followed).padStart(8)}  ${pct(row.followed, row.regionDays).padStart(6)}`,
    );
  }
  lines.push(
    `${'semua/all'.padEnd(9)} ${String(total).padStart(14)}   ${String(followed).padStart(8)}  ${pct(followed, total).padStart(6)}`,
    '',
    `Kejadian dalam rentang / incidents in range: ${result.incidents}; tanpa kenaikan level dalam 14 hari sebelumnya / ` +
      `with no prior rise in the 14 days before: ${result.incidentsWithoutRise} (${pct(result.incidentsWithoutRise, result.incidents)})`,
    '',
    'Catatan: angka ini hanya sebaik data yang diuji. Pada data demo, angka hanya menunjukkan pola yang dimasukkan',
    'pembangkit data demo itu sendiri, bukan ketepatan model di lapangan. Daftar kelompok, cabang dan rivalitas',
    'dipakai seperti keadaannya sekarang.',
    'Note: these figures are only as good as the data tested. On demo data they show only what its own generator put',
    'in, not how well the model does in the field. Groups, branches and rivalries are taken as they are now.',
  );
  return lines;
}

/** With and without the provocative-content factor side by side: what the factor changes. */
export function formatContentComparison(both: {
  withContent: BacktestResult;
  withoutContent: BacktestResult;
}): string[] {
  const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);
  const cell = (r: BacktestRow | undefined) =>
    r ? `${r.regionDays}/${r.followed} (${pct(r.followed, r.regionDays)})`.padStart(22) : ''.padStart(22);
  const lines = [
    '',
    'Faktor konten provokatif / provocative-content factor: hari-kecamatan/diikuti kejadian / kecamatan-days/followed',
    `level     ${'dengan / with'.padStart(22)} ${'tanpa / without'.padStart(22)}`,
  ];
  for (const row of both.withContent.rows) {
    const other = both.withoutContent.rows.find((r) => r.level === row.level);
    lines.push(`${row.level.padEnd(9)} ${cell(row)} ${cell(other)}`);
  }
  const w = both.withContent;
  const wo = both.withoutContent;
  lines.push(
    `Kejadian tanpa kenaikan sebelumnya / incidents with no prior rise: dengan / with ${w.incidentsWithoutRise} ` +
      `(${pct(w.incidentsWithoutRise, w.incidents)}), tanpa / without ${wo.incidentsWithoutRise} ` +
      `(${pct(wo.incidentsWithoutRise, wo.incidents)})`,
  );
  return lines;
}

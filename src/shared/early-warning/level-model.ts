// The early-warning level model: transparent, documented in docs/EARLY-WARNING.md, used by the recompute job,
// the backtest and the web (to explain a level). Pure: no I/O, no node:* imports.
import { z } from 'zod';
import { formatDayMonth, ONE_OFF_EVENT_KINDS, RECURRING_KEYS } from './calendar.ts';
import { levelName } from './level-names.ts';
import { ALERT_LEVELS, LEVELS, levelRank } from './levels.ts';
import { SETTING_LIMITS as L, type SettingLimit, thresholdOrder } from './settings-limits.ts';

export { LEVELS, levelRank };
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** The levels an alert can carry. */
export const AlertLevel = z.enum(ALERT_LEVELS);
export type AlertLevel = z.infer<typeof AlertLevel>;

/** The rank of a level: normal 0 … awas 3. */

/** A number within its limits. */
const within = (limit: SettingLimit) => {
  const n = z.number().min(limit.min).max(limit.max);
  return limit.isInteger ? n.int() : n;
};
const score = within(L.score);
const Thresholds = z.object({ waspada: score, siaga: score, awas: score });

/** The model's parameters; the admin edits them (PUT /api/early-warning/settings). Defaults are the documented ones. */
export const EarlyWarningSettings = z
  .object({
    /** A level rises when the score reaches these. */
    rise: Thresholds.default({ waspada: 1.5, siaga: 3, awas: 5 }),
    /** A level falls back only when the score drops below these (hysteresis: lower than `rise`). */
    fall: Thresholds.default({ waspada: 1, siaga: 2.25, awas: 4 }),
    /** Recent activity: the last this many days. */
    windowDays: within(L.windowDays).default(14),
    /** A report loses half its weight every this many days. */
    halfLifeDays: within(L.halfLifeDays).default(7),
    /** The baseline: this many days before the recent window. */
    historyDays: within(L.historyDays).default(365),
    /** Smoothing: the baseline starts from the parent region's rate as if this many days had been seen. */
    smoothingDays: within(L.smoothingDays).default(90),
    /** The lowest baseline, in weighted reports per day: a region that never reported is not infinitely quiet. */
    floorPerDay: within(L.floorPerDay).default(0.02),
    /** Calendar events this many days ahead raise the score. */
    lookaheadDays: within(L.lookaheadDays).default(14),
    /** How long the kab/kota operators have to acknowledge an alert, per level, in minutes. */
    acknowledgeMinutes: z
      .object({
        waspada: within(L.acknowledgeMinutes),
        siaga: within(L.acknowledgeMinutes),
        awas: within(L.acknowledgeMinutes),
      })
      .default({ waspada: 240, siaga: 120, awas: 30 }),
  })
  .refine((s) => thresholdOrder(s.rise, s.fall).isRiseInOrder, {
    message: 'ambang naik harus waspada < siaga < awas',
    path: ['rise'],
  })
  .refine((s) => thresholdOrder(s.rise, s.fall).isFallBelowRise, {
    message: 'ambang turun harus di bawah ambang naik tiap level',
    path: ['fall'],
  })
  .refine((s) => thresholdOrder(s.rise, s.fall).isFallInOrder, {
    message: 'ambang turun harus waspada < siaga < awas',
    path: ['fall'],
  });
export type EarlyWarningSettings = z.infer<typeof EarlyWarningSettings>;

/** The defaults, as documented. */
export const DEFAULT_SETTINGS: EarlyWarningSettings = EarlyWarningSettings.parse({});

// ── Reports: weight by severity, decay by age ────────────────────────────────────────────────────

/** What the model reads of a report. `harm`: 0 none, 1 injured/displaced/houses damaged, 2 dead or violence ongoing. */
export type ReportClass = {
  kind: 'sinyal' | 'kejadian';
  isVerified: boolean;
  isProvocation: boolean;
  harm: 0 | 1 | 2;
};

/** An unverified report counts this much of a verified one: a stray report moves the score less. */
export const UNVERIFIED_FACTOR = 0.7;

const INCIDENT_WEIGHT = [2, 3, 5] as const;

/** A report's weight: sinyal 1 (provocation 1.5), kejadian 2 / 3 with harm / 5 with deaths or ongoing violence. */
export function reportWeight(c: ReportClass): number {
  const base = c.kind === 'kejadian' ? INCIDENT_WEIGHT[c.harm] : c.isProvocation ? 1.5 : 1;
  return c.isVerified ? base : base * UNVERIFIED_FACTOR;
}

/** How much a report `ageDays` old still counts: halves every `halfLifeDays`. */
export function decay(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

/** The decayed weight a steady one-per-day stream adds up to over the window (ages 0 … windowDays−1). */
export function effectiveDays(windowDays: number, halfLifeDays: number): number {
  let sum = 0;
  for (let age = 0; age < windowDays; age++) sum += decay(age, halfLifeDays);
  return sum;
}

/** Recent reports of a region, aggregated: the decayed weighted sum and counts for the factor text. */
export type RecentActivity = {
  /** Σ weight × decay over the window. */
  weighted: number;
  sinyal: number;
  provocation: number;
  kejadian: number;
  /** Days from the oldest counted report to now, inclusive (1 = today only); 0 when none. */
  spanDays: number;
};

export const NO_ACTIVITY: RecentActivity = {
  weighted: 0,
  sinyal: 0,
  provocation: 0,
  kejadian: 0,
  spanDays: 0,
};

/** Adds one group of `count` reports of class `c`, `ageDays` old, to a recent-activity tally. */
export function addRecent(
  into: RecentActivity,
  c: ReportClass,
  ageDays: number,
  count: number,
  settings: Pick<EarlyWarningSettings, 'halfLifeDays'>,
): RecentActivity {
  return {
    weighted: into.weighted + reportWeight(c) * decay(ageDays, settings.halfLifeDays) * count,
    sinyal: into.sinyal + (c.kind === 'sinyal' ? count : 0),
    provocation: into.provocation + (c.kind === 'sinyal' && c.isProvocation ? count : 0),
    kejadian: into.kejadian + (c.kind === 'kejadian' ? count : 0),
    spanDays: count > 0 ? Math.max(into.spanDays, Math.max(0, ageDays) + 1) : into.spanDays,
  };
}

/** The history a baseline is read from. */
export type History = {
  /** Σ weight (no decay) of the region's reports in the history period. */
  weighted: number;
  /** Days of history actually available (≤ historyDays; less when data starts later). */
  days: number;
  /** The parent region's rate per day, per child region: where smoothing starts. */
  priorPerDay: number;
};

/**
 * The region's usual decayed activity over one window: its own rate, shrunk toward the parent's rate by
 * `smoothingDays` pseudo-days (few days of history → mostly the parent's), never below the floor, times the
 * decayed length of the window so it compares directly with RecentActivity.weighted.
 */
export function baseline(history: History, settings: EarlyWarningSettings): number {
  const days = Math.max(0, history.days);
  const rate =
    (history.weighted + settings.smoothingDays * history.priorPerDay) / (days + settings.smoothingDays || 1);
  return Math.max(settings.floorPerDay, rate) * effectiveDays(settings.windowDays, settings.halfLifeDays);
}

/**
 * How far recent activity stands above the usual: (recent − usual) / √(usual + 1). Like a z-score for counts,
 * with +1 under the root so a region whose usual is near zero does not jump on one report.
 */
export function activityScore(recent: number, usual: number): number {
  return Math.max(0, recent - usual) / Math.sqrt(usual + 1);
}

// ── Calendar and rivalries ───────────────────────────────────────────────────────────────────────

/** What kind of gathering; recurring kinds come from the calendar, the others are entered by operators. */
export const EVENT_KINDS = [...ONE_OFF_EVENT_KINDS, ...RECURRING_KEYS] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Points an event adds when it starts within a week (or is under way); half that 8 days or more ahead. */
export const EVENT_POINTS: Record<EventKind, number> = {
  konvoi: 1,
  pengesahan_warga: 1,
  pertandingan: 1,
  pilkades: 0.75,
  pemilu: 0.5,
  lainnya: 0.5,
  malam_satu_suro: 0.5,
  satu_suro: 0.5,
  bulan_suro: 0.25,
  idul_fitri: 0.25,
};

/** A rival of the event's groups present in the region adds this; a big crowd adds up to 0.5. */
export const RIVAL_PRESENT_POINTS = 0.5;
/** The calendar as a whole adds at most this, so events alone never make Siaga. */
export const CALENDAR_CAP = 2;

/** One calendar event as the model sees it for one region. */
export type CalendarInput = {
  kind: EventKind;
  title: string;
  titleEn: string;
  /** The WIB day it starts. */
  startDay: string;
  /** Whole days from today to the start (0 or negative: today or under way). */
  daysAway: number;
  /** 'route': the route passes through the region; 'place': it happens there; 'season': a recurring date. */
  relation: 'route' | 'place' | 'season';
  expectedCrowd: number | null;
  /** Short names of groups present in the region that are active rivals of the event's groups. */
  rivalsPresent: readonly string[];
};

export type RivalryInput = { groupA: string; groupB: string; intensity: 'rendah' | 'sedang' | 'tinggi' };

/** An active rivalry with both groups present in the region adds this (rendah adds nothing). */
export const RIVALRY_POINTS: Record<RivalryInput['intensity'], number> = {
  rendah: 0,
  sedang: 0.25,
  tinggi: 0.5,
};
/** Rivalries as a whole add at most this: a standing rivalry alone never makes Waspada. */
export const RIVALRY_CAP = 0.75;

function crowdPoints(crowd: number | null): number {
  if (!crowd) return 0;
  return crowd >= 5000 ? 0.5 : crowd >= 1000 ? 0.25 : 0;
}

/** Points of one event for one region. */
export function eventPoints(e: CalendarInput, lookaheadDays: number): number {
  if (e.daysAway > lookaheadDays) return 0;
  const proximity = e.daysAway <= 7 ? 1 : 0.5;
  const rivals = e.rivalsPresent.length > 0 ? RIVAL_PRESENT_POINTS : 0;
  return (EVENT_POINTS[e.kind] + crowdPoints(e.expectedCrowd) + rivals) * proximity;
}

// ── Provocative content spreading ────────────────────────────────────────────────────────────────

/** Content counts as spreading in a kecamatan while one of its sightings there is at most this many hours old. */
export const CONTENT_WINDOW_HOURS = 48;
/** Each spreading item adds this (docs/decisions/0026): three items make Waspada in a quiet kecamatan. */
export const CONTENT_ITEM_POINTS = 0.5;
/** Spreading content as a whole adds at most this, so content alone never makes Siaga. */
export const CONTENT_CAP = 2;

/**
 * Items of the provocation watch spreading in one region: assessed as a problem or not yet assessed, not taken
 * down, seen there within CONTENT_WINDOW_HOURS. `groups`: short names of the register's groups they name.
 */
export type SpreadingContent = {
  items: number;
  groups: readonly string[];
  /** How the text names the region ('Kec. Tanggul'); else 'kecamatan ini'. */
  place?: string;
};

export const NO_CONTENT: SpreadingContent = { items: 0, groups: [] };

/** Points of the spreading content of one region. */
export function contentPoints(content: SpreadingContent): number {
  return Math.min(CONTENT_CAP, Math.max(0, content.items) * CONTENT_ITEM_POINTS);
}

// ── The level ────────────────────────────────────────────────────────────────────────────────────

/** One reason for a level, in both languages, with what it added to the score. */
export type Factor = {
  code: 'aktivitas' | 'kalender' | 'rivalitas' | 'konten_provokatif' | 'wilayah_bawahan';
  text: string;
  textEn: string;
  points: number;
};

/** Everything the model reads for one region at one moment. */
export type RegionInput = {
  /** 'kecamatan' or 'kabupaten'/'kota': how the factor texts name the region ("kecamatan ini"). */
  noun: { id: string; en: string };
  recent: RecentActivity;
  history: History;
  calendar: readonly CalendarInput[];
  rivalries: readonly RivalryInput[];
  /** Provocative content spreading here; absent or empty adds nothing (the backtest can leave it out). */
  content?: SpreadingContent;
};

export type LevelResult = { level: Level; score: number; factors: Factor[] };

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The score of a region and why: activity against its own baseline, plus the calendar and rivalries. */
export function scoreRegion(
  input: RegionInput,
  settings: EarlyWarningSettings,
): { score: number; factors: Factor[] } {
  const factors: Factor[] = [];
  const usual = baseline(input.history, settings);
  const activity = activityScore(input.recent.weighted, usual);
  if (input.recent.sinyal + input.recent.kejadian > 0) {
    factors.push({ code: 'aktivitas', ...activityText(input.recent, usual), points: round2(activity) });
  }
  // Operators' events add up; recurring dates (malam 1 Suro, 1 Suro, the month of Suro) overlap, so only the
  // strongest of them counts.
  let calendar = 0;
  let season: { e: CalendarInput; points: number } | undefined;
  for (const e of input.calendar) {
    const points = eventPoints(e, settings.lookaheadDays);
    if (points <= 0) continue;
    if (e.relation === 'season') {
      if (!season || points > season.points) season = { e, points };
      continue;
    }
    calendar += points;
    factors.push({ code: 'kalender', ...eventText(e, input.noun), points: round2(points) });
  }
  if (season) {
    calendar += season.points;
    factors.push({ code: 'kalender', ...eventText(season.e, input.noun), points: round2(season.points) });
  }
  calendar = Math.min(CALENDAR_CAP, calendar);
  let rivalry = 0;
  for (const r of input.rivalries) {
    const points = RIVALRY_POINTS[r.intensity];
    rivalry += points;
    factors.push({ code: 'rivalitas', ...rivalryText(r), points });
  }
  rivalry = Math.min(RIVALRY_CAP, rivalry);
  const content = contentPoints(input.content ?? NO_CONTENT);
  if (content > 0) {
    factors.push({
      code: 'konten_provokatif',
      ...contentText(input.content ?? NO_CONTENT, input.noun),
      points: round2(content),
    });
  }
  factors.sort((a, b) => b.points - a.points);
  return { score: round2(activity + calendar + rivalry + content), factors };
}

/**
 * The level after a new score, with hysteresis: it rises to the highest level whose rise threshold the score
 * reaches, and falls one step at a time only while the score is below the current level's fall threshold.
 * `previous` undefined (the first computation) starts from Normal.
 */
export function nextLevel(
  previous: Level | undefined,
  score: number,
  settings: Pick<EarlyWarningSettings, 'rise' | 'fall'>,
): Level {
  let up: Level = 'normal';
  for (const level of ALERT_LEVELS) {
    if (score >= settings.rise[level]) up = level;
  }
  const current = previous ?? 'normal';
  if (levelRank(up) > levelRank(current)) return up;
  let level = current;
  while (level !== 'normal' && score < settings.fall[level]) level = LEVELS[levelRank(level) - 1];
  return level;
}

/** The whole model for one region: score, factors and the level after `previous`. */
export function computeLevel(
  input: RegionInput,
  previous: Level | undefined,
  settings: EarlyWarningSettings,
): LevelResult {
  const { score, factors } = scoreRegion(input, settings);
  return { level: nextLevel(previous, score, settings), score, factors };
}

// ── Factor texts ─────────────────────────────────────────────────────────────────────────────────

/** "4×", "1,5×" (id) / "1.5×" (en). */
function times(ratio: number, lang: 'id' | 'en'): string {
  const text = ratio >= 10 ? String(Math.round(ratio)) : String(Math.round(ratio * 10) / 10);
  return `${lang === 'id' ? text.replace('.', ',') : text}×`;
}

/** '3 sinyal provokasi dalam 7 hari, 4× di atas biasanya' and its English. */
export function activityText(recent: RecentActivity, usual: number): { text: string; textEn: string } {
  const id: string[] = [];
  const en: string[] = [];
  const { sinyal, provocation, kejadian } = recent;
  if (sinyal > 0) {
    if (provocation === sinyal) {
      id.push(`${sinyal} sinyal provokasi`);
      en.push(`${sinyal} provocation signal${sinyal > 1 ? 's' : ''}`);
    } else if (provocation > 0) {
      id.push(`${sinyal} sinyal (${provocation} provokasi)`);
      en.push(`${sinyal} signal${sinyal > 1 ? 's' : ''} (${provocation} provocation)`);
    } else {
      id.push(`${sinyal} sinyal`);
      en.push(`${sinyal} signal${sinyal > 1 ? 's' : ''}`);
    }
  }
  if (kejadian > 0) {
    id.push(`${kejadian} kejadian`);
    en.push(`${kejadian} incident${kejadian > 1 ? 's' : ''}`);
  }
  const span = Math.max(1, recent.spanDays);
  const ratio = usual > 0 ? recent.weighted / usual : 0;
  const above = ratio >= 1.5;
  return {
    text: `${id.join(' dan ')} dalam ${span} hari, ${above ? `${times(ratio, 'id')} di atas biasanya` : 'sekitar biasanya'}`,
    textEn: `${en.join(' and ')} in ${span} day${span > 1 ? 's' : ''}, ${above ? `${times(ratio, 'en')} above usual` : 'about usual'}`,
  };
}

/** 'pengesahan warga PSHT 12 Juli melewati kecamatan ini' and its English. */
export function eventText(e: CalendarInput, noun: RegionInput['noun']): { text: string; textEn: string } {
  const where =
    e.relation === 'route'
      ? { id: ` melewati ${noun.id} ini`, en: ` passes through this ${noun.en}` }
      : e.relation === 'place'
        ? { id: ` di ${noun.id} ini`, en: ` in this ${noun.en}` }
        : e.kind === 'idul_fitri'
          ? { id: '', en: '' }
          : { id: ', ada perguruan silat di sini', en: ', martial-arts schools are present here' };
  const rivals =
    e.rivalsPresent.length > 0
      ? {
          id: `; rival ${e.rivalsPresent.join(', ')} hadir di sini`,
          en: `; rival ${e.rivalsPresent.join(', ')} present here`,
        }
      : { id: '', en: '' };
  return {
    text: `${e.title} ${formatDayMonth(e.startDay, 'id')}${where.id}${rivals.id}`,
    textEn: `${e.titleEn} ${formatDayMonth(e.startDay, 'en')}${where.en}${rivals.en}`,
  };
}

/** '4 konten provokatif beredar di kecamatan ini dalam 48 jam, menyebut PSHT' and its English. */
export function contentText(
  content: SpreadingContent,
  noun: RegionInput['noun'],
): { text: string; textEn: string } {
  const n = content.items;
  const groups = [...content.groups].sort();
  const named =
    groups.length > 0
      ? { id: `, menyebut ${groups.join(', ')}`, en: `, naming ${groups.join(', ')}` }
      : { id: '', en: '' };
  const where = content.place
    ? { id: content.place, en: content.place }
    : { id: `${noun.id} ini`, en: `this ${noun.en}` };
  return {
    text: `${n} konten provokatif beredar di ${where.id} dalam ${CONTENT_WINDOW_HOURS} jam${named.id}`,
    textEn: `${n} provocative item${n > 1 ? 's' : ''} spreading in ${where.en} within ${CONTENT_WINDOW_HOURS} hours${named.en}`,
  };
}

const INTENSITY: Record<RivalryInput['intensity'], { id: string; en: string }> = {
  rendah: { id: 'rendah', en: 'low' },
  sedang: { id: 'sedang', en: 'medium' },
  tinggi: { id: 'tinggi', en: 'high' },
};

/** 'rivalitas aktif PSHT – Pagar Nusa (tinggi), keduanya hadir di sini' and its English. */
export function rivalryText(r: RivalryInput): { text: string; textEn: string } {
  return {
    text: `rivalitas aktif ${r.groupA} – ${r.groupB} (${INTENSITY[r.intensity].id}), keduanya hadir di sini`,
    textEn: `active rivalry ${r.groupA} – ${r.groupB} (${INTENSITY[r.intensity].en}), both present here`,
  };
}

/** A kecamatan's level as its kab/kota sees it. */
export type ChildLevel = { name: string; level: Level; score: number };

/**
 * A kab/kota's level: its own (its aggregate against its own baseline, with its own hysteresis) or its highest
 * kecamatan's, whichever is higher; the score likewise. `own` is kept apart so the kab/kota's hysteresis
 * follows its own score, not the borrowed one.
 */
export function combineKabkota(own: LevelResult, children: readonly ChildLevel[]): LevelResult {
  const top = [...children].sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.score - a.score)[0];
  if (!top || (levelRank(top.level) <= levelRank(own.level) && top.score <= own.score)) return own;
  const level = levelRank(top.level) > levelRank(own.level) ? top.level : own.level;
  const factor: Factor = { code: 'wilayah_bawahan', ...childText(top.name, top.level), points: top.score };
  return { level, score: Math.max(own.score, top.score), factors: [factor, ...own.factors] };
}

/** 'tertinggi: Kecamatan Tanggul (Siaga)': why a kab/kota carries a kecamatan's level. */
export function childText(name: string, level: Level): { text: string; textEn: string } {
  return {
    text: `tertinggi: Kecamatan ${name} (${levelName(level)})`,
    textEn: `highest: Kecamatan ${name} (${levelName(level, 'en')})`,
  };
}

// Over 450 lines: one seeded generator (regions → people → seasons → reports → cases) whose steps share its random stream; splitting it by what it generates is open work.
import type { CasePhase, HandlingLevel, RecoveryStep } from '../../shared/cases/case-rules.ts';
import { nextLevel } from '../../shared/cases/case-rules.ts';
import { nameKey } from '../../shared/pillars/pillar-identity.ts';
import { searchKey } from '../../shared/regions.ts';
import type {
  Need,
  Priority,
  ReportFields,
  ReportKind,
  ReportStatus,
  Vulnerable,
  VulnerableGroup,
} from '../../shared/reports/report-schema.ts';
import { dueAt, hasVulnerable, PRIORITY_RANK, type SlaMinutes, triage } from '../../shared/reports/triage.ts';
import { startOfWibDay, toWibIso, wibDate } from '../../shared/time.ts';
import type { CaseRecord } from '../modules/cases/cases-store.ts';
import { caseEscalationReason, missedCaseDeadlines } from '../modules/escalation/escalation-rules.ts';
import { DEFAULT_BAKORWIL } from '../modules/regions/regions-data.ts';
import type { UserIdentity } from '../platform/principal.ts';
import {
  AGENCY_NAMES,
  type AgencyKind,
  DISPOSITIONS,
  DUSUN,
  FACT_TEXTS,
  FOLLOW_UPS,
  HARI,
  KABKOTA,
  MADURA_KABKOTA,
  MADURA_KECAMATAN,
  NAMES,
  PERGURUAN,
  PREVENTED_OUTCOMES,
  REFERRALS,
  REJECTIONS,
  TEMPAT,
  THEMES,
  type Theme,
  type ThemeKey,
  VULNERABLE_TEXTS,
} from './demo-texts.ts';

// Pure generation of the demo data set: users, partner agencies, pillars, reports and cases of Bakorwil V
// over the twelve months before `now`. No I/O: the service reads the regions and deadlines, passes them
// in, and writes what comes out. The same seed, regions, deadlines and `now` give the same data.

const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const DEMO_BAKORWIL = 'V';
/** The kab/kota of Bakorwil V, the demo's area, as the regions module seeds them. */
export const DEMO_KABKOTA: readonly string[] = DEFAULT_BAKORWIL.find((b) => b.id === DEMO_BAKORWIL)!.members;
/** How much of the trouble each kab/kota of the demo's area sees. */
const KABKOTA_WEIGHTS: Record<string, number> = {
  '35.08': 12,
  '35.09': 25,
  '35.10': 18,
  '35.11': 11,
  '35.12': 10,
  '35.13': 15,
  '35.74': 6,
};

/** The scale at which one run makes about 600 reports. */
export const MIN_SCALE = 0.1;
export const MAX_SCALE = 50;

// ── Seeded randomness ────────────────────────────────────────────────────────────────────────

/** Random numbers in [0, 1) from a text seed: a 32-bit counter mixed by a murmur-style finaliser. */
export function createRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4_294_967_296;
  };
}

type Rng = ReturnType<typeof makeTools>;

/** Picks, chances, weights and UUIDs drawn from one random stream. */
export function makeTools(random: () => number) {
  const tools = {
    random,
    chance: (p: number) => random() < p,
    int: (min: number, max: number) => min + Math.floor(random() * (max - min + 1)),
    between: (min: number, max: number) => min + random() * (max - min),
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)],
    weighted: <T extends string>(weights: Readonly<Record<T, number>>): T => {
      const entries = Object.entries(weights) as [T, number][];
      let roll = random() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    /** A version-4 UUID from the seeded stream, so ids are reproducible too. */
    uuid: () => {
      const hex = Array.from({ length: 16 }, () => Math.floor(random() * 256));
      hex[6] = (hex[6] & 0x0f) | 0x40;
      hex[8] = (hex[8] & 0x3f) | 0x80;
      const s = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
  return tools;
}

// ── Inputs and outputs ───────────────────────────────────────────────────────────────────────

/** A region of the demo area as the regions table holds it. */
export type DemoArea = { code: string; name: string; parentCode: string };

export type DemoRegions = {
  kabkota: readonly { code: string; name: string }[];
  kecamatan: readonly DemoArea[];
  desa: readonly DemoArea[];
};

export type DemoOptions = {
  /** 1 gives about 600 reports; the volume grows with it. */
  scale: number;
  seed: string;
  now: Date;
  /** The deadlines per priority as configured (sla_settings). */
  sla: Readonly<Record<Priority, SlaMinutes>>;
};

export type DemoAgency = { id: string; name: string; kabkotaCode: string; kind: AgencyKind };

/** A user as the server sees them (active, without a second factor yet), with the kab/kota they work in. */
export type DemoUser = Omit<UserIdentity, 'isActive' | 'hasTotp'> & {
  /** The kab/kota the user works in; null for the Bakorwil and the province. */
  kabkotaCode: string | null;
};

export type DemoPillar = {
  id: string;
  userId: string;
  pillarType: string;
  name: string;
  nameKey: string;
  homeRegionCode: string;
  skills: string[];
  createdBy: string;
  createdAt: Date;
};

/** What a reporter states, in the shape of the intake schema (ReportFields): no position, the demo's channels. */
export type DemoReportFields = Omit<ReportFields, 'latitude' | 'longitude' | 'conflictType' | 'channel'> & {
  conflictType: string;
  channel: 'web' | 'api' | 'odk' | 'sms' | 'import';
};

/** How operators took a report in hand: its status, who acknowledged and verified it when, and its level. */
type ReportTimes = {
  status: ReportStatus;
  statusReason: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  dueAcknowledgeAt: Date;
  handlingLevel: HandlingLevel;
  escalatedAt: Date | null;
};

export type DemoReport = {
  id: string;
  fields: DemoReportFields;
  kabkotaCode: string;
  kecamatanCode: string;
  hasVulnerable: boolean;
  priority: Priority;
  priorityRank: number;
  priorityReasons: string[];
  reporterId: string;
  duplicateOf: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  caseId: string | null;
  dedupCheckedAt: Date;
} & ReportTimes;

export type DemoTimelineEntry = {
  at: Date;
  actorId: string | null;
  kind: string;
  details: Record<string, unknown>;
};

/** A case with the stored fields the cases store reads back, its times as Dates, and what hangs on it. */
export type DemoCase = Pick<
  CaseRecord,
  | 'id'
  | 'title'
  | 'regionCode'
  | 'kabkotaCode'
  | 'conflictType'
  | 'phase'
  | 'recoverySteps'
  | 'outcome'
  | 'summary'
  | 'priority'
  | 'hasVulnerable'
  | 'version'
  | 'handlingLevel'
  | 'escalationReason'
> & {
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  dueResponseAt: Date;
  dueResolveAt: Date;
  firstResponseAt: Date | null;
  escalatedAt: Date | null;
  timeline: DemoTimelineEntry[];
  assignments: {
    id: string;
    userId: string;
    assignedBy: string;
    task: string;
    dueAt: Date;
    status: 'ditugaskan' | 'selesai';
    createdAt: Date;
  }[];
  dispositions: {
    id: string;
    agencyId: string;
    instruction: string;
    dueAt: Date;
    status: 'terkirim' | 'diterima' | 'selesai';
    answer: string | null;
    answeredAt: Date | null;
    answeredBy: string | null;
    createdBy: string;
    createdAt: Date;
  }[];
  followUps: {
    id: string;
    authorId: string;
    kind: 'tindak_lanjut' | 'check_in' | 'check_out';
    action: string;
    occurredAt: string;
    regionCode: string;
    createdAt: Date;
  }[];
  people: {
    id: string;
    fullName: string;
    age: number;
    group: VulnerableGroup;
    needs: string[];
    guardianName: string | null;
    guardianConsent: boolean;
    createdBy: string;
    createdAt: Date;
  }[];
  referrals: {
    id: string;
    personId: string;
    service: string;
    provider: string;
    dueAt: Date;
    status: 'dirujuk' | 'diterima' | 'selesai';
    createdBy: string;
    createdAt: Date;
    completedAt: Date | null;
  }[];
  grants: { kind: 'user' | 'region' | 'agency'; grantee: string; reason: string }[];
};

export type DemoDuplicate = { reportId: string; candidateId: string; similarity: number; createdAt: Date };

/** The dates the seasons of the demo centre on (WIB calendar dates). */
export type DemoSeasons = {
  /** 1 Muharram (1 Suro) within the twelve months. */
  suro: string;
  /** 1 Syawal (Idul Fitri) within the twelve months. */
  lebaran: string;
  pilkades: { date: string; kabkota: string[] };
  matchdays: string[];
};

export type DemoPlan = {
  agencies: DemoAgency[];
  users: DemoUser[];
  pillars: DemoPillar[];
  /** In the order they were made (by createdAt): an original always before its duplicates. */
  reports: DemoReport[];
  cases: DemoCase[];
  duplicates: DemoDuplicate[];
  seasons: DemoSeasons;
};

// ── Passwords ────────────────────────────────────────────────────────────────────────────────

/** The demo password when none is given; printed at the end of every run. */
export const DEFAULT_DEMO_PASSWORD = 'sigap-demo-2026';

const WEAK_WORDS = new Set([
  'password',
  'passw',
  'katasandi',
  'sandi',
  'rahasia',
  'sigap',
  'admin',
  'administrator',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'demo',
  'jember',
  'dinsos',
  'indonesia',
  'letmein',
  'welcome',
]);

/** Why a demo password is too weak, or undefined. Every demo user shares it, so it must not be guessable. */
export function refuseDemoPassword(password: string): string | undefined {
  if (password.length < 10) return 'minimal 10 karakter / at least 10 characters';
  if (password.length > 200) return 'maksimal 200 karakter / at most 200 characters';
  if (new Set(password.toLowerCase()).size < 5) {
    return 'terlalu sedikit karakter berbeda / too few different characters';
  }
  if (!/[a-z]/i.test(password) || !/[^a-z]/i.test(password)) {
    return 'campurkan huruf dengan angka atau tanda baca / mix letters with digits or symbols';
  }
  const letters = password.toLowerCase().replace(/[^a-z]/g, '');
  if (WEAK_WORDS.has(letters) || /^(.)\1*$/.test(letters)) {
    return 'terlalu mudah ditebak / too easy to guess';
  }
  return undefined;
}

// ── Calendar ─────────────────────────────────────────────────────────────────────────────────

const ISLAMIC_DAY = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'numeric',
});

/**
 * The WIB day, within the year before `now`, that is `day` of Islamic `month` by the Umm al-Qura calendar
 * (1/1 = 1 Muharram, the Javanese 1 Suro; 10/1 = 1 Syawal, Idul Fitri). Any lunar date recurs within 355 days.
 */
export function findIslamicDay(now: Date, month: number, day: number): Date {
  const today = startOfWibDay(wibDate(now));
  for (let back = 0; back <= 366; back++) {
    const noon = new Date(today.getTime() - back * DAY + 12 * HOUR);
    const parts = Object.fromEntries(ISLAMIC_DAY.formatToParts(noon).map((p) => [p.type, p.value]));
    if (Number(parts.month) === month && Number(parts.day) === day) return startOfWibDay(wibDate(noon));
  }
  throw new Error(`Islamic date ${day}/${month} not found in the past year`);
}

// ── The generator ────────────────────────────────────────────────────────────────────────────

type Slots = Record<string, string>;

type Episode = {
  theme: ThemeKey;
  kabkotaCode: string;
  kecamatan: DemoArea;
  slots: Slots;
  start: Date;
  /** Kinds of the reports, in order; later ones follow days after the first. */
  kinds: ReportKind[];
  /** Makes the first incident scenario 2's: children hurt, an elderly woman with a disability trapped. */
  isScenarioIncident?: boolean;
};

type Made = { report: DemoReport; episode: Episode; desa: DemoArea };

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => slots[key] ?? whole);
}

const SMS_WORDS: readonly [RegExp, string][] = [
  [/\byang\b/g, 'yg'],
  [/\bsudah\b/g, 'sdh'],
  [/\bdengan\b/g, 'dgn'],
  [/\btidak\b/g, 'tdk'],
  [/\bsekarang\b/g, 'skrg'],
  [/\bkarena\b/g, 'krn'],
  [/\borang\b/g, 'org'],
];

const OPENERS = ['', '', '', 'Lapor, ', 'Izin lapor. ', 'Info: ', 'Assalamualaikum, izin melaporkan. '];

/** Generates the whole demo data set. */
export function generateDemoData(regions: DemoRegions, options: DemoOptions): DemoPlan {
  if (!(options.scale >= MIN_SCALE && options.scale <= MAX_SCALE)) {
    throw new Error(`scale must be between ${MIN_SCALE} and ${MAX_SCALE}`);
  }
  const rng = makeTools(createRandom(options.seed));
  const now = options.now;
  const yearAgo = new Date(now.getTime() - 365 * DAY);
  const area = indexRegions(regions);

  const agencies = makeAgencies(regions);
  const { users, pillars } = makeUsers(rng, area, agencies, options);
  const staff = indexStaff(users, pillars);
  const seasons = pickSeasons(rng, now, yearAgo);
  const episodes = planEpisodes(rng, area, options.scale, seasons, now, yearAgo);

  const made: Made[] = [];
  for (const episode of episodes) {
    let at = episode.start;
    episode.kinds.forEach((kind, index) => {
      if (index > 0) at = new Date(at.getTime() + rng.between(2 * HOUR, 3 * DAY));
      if (at.getTime() > now.getTime() - 10 * MINUTE) return;
      const desa = index === 0 || rng.chance(0.5) ? pickDesa(rng, area, episode) : made[made.length - 1].desa;
      made.push({ report: makeReport(rng, episode, desa, kind, at, staff, options, index), episode, desa });
    });
  }
  const duplicates = makeDuplicates(rng, made, staff, options);
  const cases = makeCases(rng, made, staff, options);

  const reports = [...made.map((m) => m.report), ...duplicates.map((d) => d.report)].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return {
    agencies,
    users,
    pillars,
    reports,
    cases,
    duplicates: duplicates.flatMap((d) => d.pairs),
    seasons: {
      suro: wibDate(seasons.suro),
      lebaran: wibDate(seasons.lebaran),
      pilkades: { date: wibDate(seasons.pilkades), kabkota: seasons.pilkadesKabkota },
      matchdays: seasons.matchdays.map((m) => wibDate(m.date)),
    },
  };
}

// ── Regions ──────────────────────────────────────────────────────────────────────────────────

type AreaIndex = {
  kabkotaName: Map<string, string>;
  kecamatanOf: Map<string, DemoArea[]>;
  desaOf: Map<string, DemoArea[]>;
  kecamatanByName: Map<string, DemoArea>;
};

function indexRegions(regions: DemoRegions): AreaIndex {
  const kabkotaName = new Map(regions.kabkota.map((k) => [k.code, k.name]));
  for (const code of DEMO_KABKOTA) {
    if (!kabkotaName.has(code)) throw new Error(`region ${code} missing`);
  }
  const kecamatanOf = new Map<string, DemoArea[]>();
  const kecamatanByName = new Map<string, DemoArea>();
  for (const kec of regions.kecamatan) {
    addTo(kecamatanOf, kec.parentCode, kec);
    kecamatanByName.set(`${kec.parentCode}|${searchKey(kec.name)}`, kec);
  }
  const desaOf = new Map<string, DemoArea[]>();
  for (const desa of regions.desa) addTo(desaOf, desa.parentCode, desa);
  // Only kecamatan that have desa can hold a report.
  for (const [kab, list] of kecamatanOf)
    kecamatanOf.set(
      kab,
      list.filter((k) => desaOf.has(k.code)),
    );
  return { kabkotaName, kecamatanOf, desaOf, kecamatanByName };
}

function isDesa(area: DemoArea): boolean {
  return /\.2\d{3}$/.test(area.code);
}

function kecamatanNamed(area: AreaIndex, kabkota: string, names: readonly string[]): DemoArea[] {
  return names
    .map((name) => area.kecamatanByName.get(`${kabkota}|${searchKey(name)}`))
    .filter((kec): kec is DemoArea => kec !== undefined);
}

/** Where a theme happens in a kab/kota: its usual kecamatan when known there, else any. */
function pickKecamatan(rng: Rng, area: AreaIndex, theme: Theme, kabkota: string): DemoArea {
  const all = area.kecamatanOf.get(kabkota) ?? [];
  let usual: DemoArea[] = [];
  if (theme.places === 'madura') {
    usual = MADURA_KABKOTA.includes(kabkota)
      ? all
      : kecamatanNamed(area, kabkota, MADURA_KECAMATAN[kabkota] ?? []);
  } else if (theme.places) {
    usual = kecamatanNamed(area, kabkota, theme.places[kabkota] ?? []);
  }
  if (theme.isDesaOnly) {
    const withDesa = (usual.length > 0 ? usual : all).filter((k) => area.desaOf.get(k.code)?.some(isDesa));
    return rng.pick(withDesa.length > 0 ? withDesa : all);
  }
  // Carok stays where Madurese is spoken; other trouble mostly keeps to its usual places.
  const isStrict = theme.places === 'madura';
  return usual.length > 0 && (isStrict || rng.chance(0.85)) ? rng.pick(usual) : rng.pick(all);
}

function pickDesa(rng: Rng, area: AreaIndex, episode: Episode): DemoArea {
  const all = area.desaOf.get(episode.kecamatan.code) ?? [];
  const candidates = THEMES[episode.theme].isDesaOnly ? all.filter(isDesa) : all;
  return rng.pick(candidates.length > 0 ? candidates : all);
}

/** The kab/kota a theme can happen in (Madura-speaking areas for carok; the theme's usual places). */
function kabkotaFor(theme: Theme, area: AreaIndex): string[] {
  if (theme.places === 'madura') {
    const partly = Object.keys(MADURA_KECAMATAN).filter(
      (kab) => kecamatanNamed(area, kab, MADURA_KECAMATAN[kab]).length > 0,
    );
    return [...MADURA_KABKOTA, ...partly];
  }
  if (theme.isDesaOnly) return DEMO_KABKOTA.filter((k) => k !== '35.74');
  if (theme.places) return Object.keys(theme.places);
  return [...DEMO_KABKOTA];
}

// ── People and agencies ──────────────────────────────────────────────────────────────────────

function makeAgencies(regions: DemoRegions): DemoAgency[] {
  const kinds: AgencyKind[] = ['polres', 'kesbangpol', 'bpbd', 'fkub'];
  return DEMO_KABKOTA.flatMap((code) => {
    const { short, slug } = KABKOTA[code];
    const isKota = regions.kabkota.find((k) => k.code === code)?.name.startsWith('Kota') ?? false;
    return kinds.map((kind) => ({
      id: `${kind}-${slug}`,
      name: AGENCY_NAMES[kind](short, isKota),
      kabkotaCode: code,
      kind,
    }));
  });
}

const RELAWAN_TYPES = ['tksk', 'pordam', 'tagana', 'sahabat_tagana', 'jsc'] as const;
const SKILLS: Record<(typeof RELAWAN_TYPES)[number], string[][]> = {
  tksk: [['pendataan', 'mediasi'], ['pendataan']],
  pordam: [['mediasi'], ['mediasi', 'pendataan']],
  tagana: [
    ['evakuasi', 'pertolongan_pertama', 'dapur_umum'],
    ['evakuasi', 'komunikasi_radio'],
  ],
  sahabat_tagana: [['evakuasi'], ['pertolongan_pertama']],
  jsc: [['psikososial', 'pendampingan_anak'], ['psikososial']],
};

function personName(rng: Rng): string {
  return `${rng.pick(NAMES.given)} ${rng.pick(NAMES.family)}`;
}

function makeUsers(
  rng: Rng,
  area: AreaIndex,
  agencies: DemoAgency[],
  options: DemoOptions,
): { users: DemoUser[]; pillars: DemoPillar[] } {
  const users: DemoUser[] = [];
  const taken = new Set<string>();
  const add = (user: Omit<DemoUser, 'id' | 'createdAt'>) => {
    let username = user.username;
    for (let n = 2; taken.has(username); n++) username = `${user.username}${n}`;
    taken.add(username);
    const created = {
      ...user,
      username,
      id: rng.uuid(),
      createdAt: new Date(options.now.getTime() - 380 * DAY),
    };
    users.push(created);
    return created;
  };
  add({
    username: 'prov.jatim',
    displayName: `${personName(rng)} (Dinsos Jatim)`,
    role: 'provinsi',
    scopeRegionCode: '35',
    scopeBakorwilId: null,
    agencyId: null,
    kabkotaCode: null,
  });
  add({
    username: 'koord.v',
    displayName: `${personName(rng)} (Bakorwil V)`,
    role: 'koordinator',
    scopeRegionCode: null,
    scopeBakorwilId: DEMO_BAKORWIL,
    agencyId: null,
    kabkotaCode: null,
  });
  const pillars: DemoPillar[] = [];
  const relawanPerKabkota = Math.max(5, Math.round(5 * Math.sqrt(options.scale)));
  for (const code of DEMO_KABKOTA) {
    const { short, slug } = KABKOTA[code];
    const operator = add({
      username: `op.${slug}`,
      displayName: `${personName(rng)} (Dinsos ${short})`,
      role: 'operator',
      scopeRegionCode: code,
      scopeBakorwilId: null,
      agencyId: null,
      kabkotaCode: code,
    });
    // Jember has two operators on duty (scenario 1: both acknowledge alerts).
    if (code === '35.09') {
      add({ ...operator, username: `op.${slug}.2`, displayName: `${personName(rng)} (Dinsos ${short})` });
    }
    for (let i = 0; i < relawanPerKabkota; i++) {
      const pillarType = RELAWAN_TYPES[i % RELAWAN_TYPES.length];
      const kecamatan = pickKecamatan(
        rng,
        area,
        THEMES[rng.pick(['silat', 'kebun', 'tawuran'] as const)],
        code,
      );
      const desaList = area.desaOf.get(kecamatan.code) ?? [];
      // Scenario 1's sahabat tagana lives in Desa Tanggulwetan, Jember.
      const scenarioDesa = code === '35.09' && pillarType === 'sahabat_tagana' && i < RELAWAN_TYPES.length;
      const desa =
        (scenarioDesa
          ? area.desaOf.get('35.09.06')?.find((d) => searchKey(d.name) === 'tanggulwetan')
          : undefined) ?? rng.pick(desaList);
      const name = personName(rng);
      const place = searchKey(pillarType === 'tksk' ? kecamatan.name : desa.name);
      const user = add({
        username: `${pillarType.replace('_', '')}.${place}`,
        displayName: name,
        role: 'relawan',
        scopeRegionCode: desa.code,
        scopeBakorwilId: null,
        agencyId: null,
        kabkotaCode: code,
      });
      pillars.push({
        id: rng.uuid(),
        userId: user.id,
        pillarType,
        name,
        nameKey: nameKey(name),
        homeRegionCode: desa.code,
        skills: rng.pick(SKILLS[pillarType]),
        createdBy: operator.id,
        createdAt: new Date(options.now.getTime() - rng.between(300, 370) * DAY),
      });
    }
  }
  for (const agency of agencies) {
    add({
      username: agency.id,
      displayName: `Piket ${agency.name}`,
      role: 'mitra',
      scopeRegionCode: agency.kabkotaCode,
      scopeBakorwilId: null,
      agencyId: agency.id,
      kabkotaCode: agency.kabkotaCode,
    });
  }
  // The data protection officer, with a fixed id and name: drawing them would shift every later random choice.
  users.push({
    username: 'ppdp.jatim',
    displayName: 'Pejabat PPDP (Dinsos Jatim)',
    role: 'ppdp',
    scopeRegionCode: '35',
    scopeBakorwilId: null,
    agencyId: null,
    kabkotaCode: null,
    id: '00000000-0000-4000-8000-0000000000dd',
    createdAt: new Date(options.now.getTime() - 380 * DAY),
  });
  return { users, pillars };
}

type Staff = {
  operators: Map<string, DemoUser[]>;
  relawan: Map<string, DemoUser[]>;
  pillarTypeOf: Map<string, string>;
  mitraOf: Map<string, DemoUser>;
  agenciesOf: Map<string, Map<AgencyKind, string>>;
  koordinator: DemoUser;
  provinsi: DemoUser;
};

function indexStaff(users: DemoUser[], pillars: DemoPillar[]): Staff {
  const staff: Staff = {
    operators: new Map(),
    relawan: new Map(),
    pillarTypeOf: new Map(pillars.map((p) => [p.userId, p.pillarType])),
    mitraOf: new Map(),
    agenciesOf: new Map(),
    koordinator: users.find((u) => u.role === 'koordinator')!,
    provinsi: users.find((u) => u.role === 'provinsi')!,
  };
  for (const user of users) {
    const kab = user.kabkotaCode ?? '';
    if (user.role === 'operator') addTo(staff.operators, kab, user);
    if (user.role === 'relawan') addTo(staff.relawan, kab, user);
    if (user.role === 'mitra' && user.agencyId) {
      staff.mitraOf.set(user.agencyId, user);
      const kind = user.agencyId.split('-')[0] as AgencyKind;
      const byKind = staff.agenciesOf.get(kab) ?? new Map<AgencyKind, string>();
      byKind.set(kind, user.agencyId);
      staff.agenciesOf.set(kab, byKind);
    }
  }
  return staff;
}

// ── Seasons and episodes ─────────────────────────────────────────────────────────────────────

type Seasons = {
  suro: Date;
  lebaran: Date;
  pilkades: Date;
  pilkadesKabkota: string[];
  matchdays: { date: Date; home: string; away: string }[];
};

function pickSeasons(rng: Rng, now: Date, yearAgo: Date): Seasons {
  const suro = findIslamicDay(now, 1, 1);
  const lebaran = findIslamicDay(now, 10, 1);
  const farFrom = (date: Date, others: Date[], days: number) =>
    others.every((o) => Math.abs(o.getTime() - date.getTime()) > days * DAY);
  // Pilkades serentak: a Sunday two to ten months ago, away from Suro and Lebaran, in two kabupaten.
  let pilkades = new Date(now.getTime() - 150 * DAY);
  for (let attempt = 0; attempt < 50; attempt++) {
    const day = startOfWibDay(wibDate(new Date(now.getTime() - rng.between(60, 300) * DAY)));
    const sunday = new Date(day.getTime() + ((7 - new Date(day.getTime() + 7 * HOUR).getUTCDay()) % 7) * DAY);
    pilkades = sunday;
    if (farFrom(sunday, [suro, lebaran], 35)) break;
  }
  const kabupaten = DEMO_KABKOTA.filter((k) => k !== '35.74');
  const first = rng.pick(kabupaten);
  const pilkadesKabkota = [first, rng.pick(kabupaten.filter((k) => k !== first))];
  // Fourteen match days, on weekends, spread over the year.
  const matchdays: Seasons['matchdays'] = [];
  for (let i = 0; i < 14; i++) {
    const day = startOfWibDay(wibDate(new Date(yearAgo.getTime() + ((i + rng.random()) / 14) * 350 * DAY)));
    const weekday = new Date(day.getTime() + 7 * HOUR).getUTCDay();
    const saturday = new Date(day.getTime() + ((6 - weekday + 7) % 7) * DAY + (rng.chance(0.5) ? DAY : 0));
    if (saturday.getTime() > now.getTime()) continue;
    const home = rng.pick(DEMO_KABKOTA);
    matchdays.push({ date: saturday, home, away: rng.pick(DEMO_KABKOTA.filter((k) => k !== home)) });
  }
  return { suro, lebaran, pilkades, pilkadesKabkota, matchdays };
}

/** Everyday trouble across the year, and how much of it each theme is. */
const BACKGROUND: Readonly<Partial<Record<ThemeKey, number>>> = {
  silat: 14,
  silatWarga: 6,
  suporter: 3,
  pilkades: 3,
  kebun: 10,
  tambang: 6,
  irigasi: 7,
  sara: 4,
  tawuran: 16,
  mainHakim: 6,
  carok: 11,
  batas: 6,
  santet: 3,
};

/** Episodes (one to three reports of one story) per season at scale 1. */
const EPISODES = { background: 200, recent: 8, suro: 72, pilkades: 33, lebaran: 26, football: 30 };

function episodeKinds(rng: Rng, sinyalShare: number): ReportKind[] {
  const size = rng.weighted({ one: 60, two: 28, three: 12 });
  if (size === 'one') return [rng.chance(sinyalShare) ? 'sinyal' : 'kejadian'];
  const kinds: ReportKind[] = ['sinyal'];
  if (size === 'three') kinds.push(rng.chance(0.5) ? 'sinyal' : 'kejadian');
  kinds.push(rng.chance(0.6) ? 'kejadian' : 'sinyal');
  return kinds;
}

function makeSlots(rng: Rng, area: AreaIndex, kabkota: string, kecamatan: DemoArea): Slots {
  const a = rng.pick(PERGURUAN);
  const n1 = rng.int(1, 3);
  return {
    kec: kecamatan.name,
    kab: KABKOTA[kabkota].short,
    kabName: area.kabkotaName.get(kabkota) ?? '',
    dusun: rng.pick(DUSUN),
    tempat: rng.pick(TEMPAT),
    A: a,
    B: rng.pick(PERGURUAN.filter((p) => p !== a)),
    T1: KABKOTA[kabkota].short,
    T2: KABKOTA[rng.pick(DEMO_KABKOTA.filter((k) => k !== kabkota))].short,
    n1: String(n1),
    n2: String(n1 === 3 ? 1 : n1 + 1),
    hari: rng.pick(HARI),
    n: String(rng.int(5, 30) * 10),
  };
}

/** A time on the WIB day of `day`, at an hour typical for the theme. */
function atHour(rng: Rng, day: Date, theme: ThemeKey): Date {
  const night = ['silat', 'suro', 'silatWarga', 'suporter', 'tawuran', 'lebaran', 'halalBihalal', 'santet'];
  const hour = night.includes(theme)
    ? rng.pick([16, 18, 19, 20, 20, 21, 21, 22, 22, 23, 23, 0, 1])
    : rng.pick([7, 8, 9, 10, 11, 13, 14, 15, 16, 19, 20]);
  const start = startOfWibDay(wibDate(day));
  return new Date(start.getTime() + hour * HOUR + rng.int(0, 59) * MINUTE);
}

function planEpisodes(
  rng: Rng,
  area: AreaIndex,
  scale: number,
  seasons: Seasons,
  now: Date,
  yearAgo: Date,
): Episode[] {
  const episodes: Episode[] = [];
  const latest = now.getTime() - 15 * MINUTE;
  const add = (theme: ThemeKey, kabkota: string, start: Date, kinds: ReportKind[]) => {
    if (start.getTime() > latest || start.getTime() < yearAgo.getTime()) return false;
    const kecamatan = pickKecamatan(rng, area, THEMES[theme], kabkota);
    const episode: Episode = {
      theme,
      kabkotaCode: kabkota,
      kecamatan,
      slots: makeSlots(rng, area, kabkota, kecamatan),
      start,
      kinds,
    };
    episodes.push(episode);
    return episode;
  };
  const count = (base: number) => Math.max(1, Math.round(base * scale));
  const span = latest - yearAgo.getTime();

  // Everyday trouble: every kab/kota gets some first, then by population; each episode in its own slice
  // of the year (in shuffled order), so even a small data set covers every month.
  const total = count(EPISODES.background);
  const slices = Array.from({ length: total }, (_, i) => i);
  for (let i = slices.length - 1; i > 0; i--) {
    const j = Math.floor(rng.random() * (i + 1));
    [slices[i], slices[j]] = [slices[j], slices[i]];
  }
  for (let i = 0; i < total; i++) {
    const theme = rng.weighted(BACKGROUND as Record<ThemeKey, number>);
    const allowed = kabkotaFor(THEMES[theme], area);
    const kabkota =
      i < DEMO_KABKOTA.length && allowed.includes(DEMO_KABKOTA[i])
        ? DEMO_KABKOTA[i]
        : rng.weighted(Object.fromEntries(allowed.map((k) => [k, KABKOTA_WEIGHTS[k]])));
    let day = new Date(yearAgo.getTime() + DAY + ((slices[i] + rng.random()) / total) * (span - DAY));
    // Water runs short in the dry season (July to October).
    for (
      let tries = 0;
      theme === 'irigasi' && tries < 20 && ![6, 7, 8, 9].includes(day.getUTCMonth());
      tries++
    ) {
      day = new Date(yearAgo.getTime() + rng.random() * span);
    }
    add(theme, kabkota, atHour(rng, day, theme), episodeKinds(rng, 0.5));
  }

  // The last two days: what waits in today's inboxes.
  for (let i = 0; i < count(EPISODES.recent); i++) {
    const theme = rng.weighted(BACKGROUND as Record<ThemeKey, number>);
    const allowed = kabkotaFor(THEMES[theme], area);
    const kabkota = rng.weighted(Object.fromEntries(allowed.map((k) => [k, KABKOTA_WEIGHTS[k]])));
    const at = new Date(latest - rng.between(0.5, 48) * HOUR);
    add(theme, kabkota, at, [rng.chance(0.5) ? 'sinyal' : 'kejadian']);
  }

  // 1 Suro: convoys of pengesahan warga and clashes in the weeks around it, most on the eve.
  let isScenarioPlaced = false;
  for (let i = 0; i < count(EPISODES.suro); i++) {
    const offset = Math.round(rng.chance(0.5) ? rng.between(-3, 2) : rng.between(-21, 10));
    const theme = rng.weighted({ suro: 70, silat: 15, silatWarga: 15 } as const);
    const kabkota = rng.weighted({
      '35.09': 30,
      '35.08': 20,
      '35.10': 20,
      '35.13': 10,
      '35.11': 8,
      '35.12': 7,
      '35.74': 5,
    });
    const before = offset < 0;
    const episode = add(
      theme,
      kabkota,
      atHour(rng, new Date(seasons.suro.getTime() + offset * DAY), theme),
      episodeKinds(rng, before ? 0.75 : 0.3),
    );
    if (episode && !isScenarioPlaced && episode.kinds.includes('kejadian')) {
      episode.isScenarioIncident = true;
      isScenarioPlaced = true;
    }
  }

  // Pilkades serentak in two kabupaten: tension before, disputes over the count after.
  for (let i = 0; i < count(EPISODES.pilkades); i++) {
    const offset = Math.round(rng.between(-28, 14));
    const day = new Date(seasons.pilkades.getTime() + offset * DAY);
    add(
      'pilkades',
      rng.pick(seasons.pilkadesKabkota),
      atHour(rng, day, 'pilkades'),
      episodeKinds(rng, offset < 0 ? 0.75 : 0.25),
    );
  }

  // Lebaran: takbir keliling on the eve, youth quarrels and convoys of halal bihalal after.
  for (let i = 0; i < count(EPISODES.lebaran); i++) {
    const theme = rng.weighted({ lebaran: 60, halalBihalal: 25, tawuran: 15 } as const);
    const offset = theme === 'lebaran' ? Math.round(rng.between(-2, 2)) : Math.round(rng.between(0, 10));
    const allowed = kabkotaFor(THEMES[theme], area);
    const kabkota = rng.weighted(Object.fromEntries(allowed.map((k) => [k, KABKOTA_WEIGHTS[k]])));
    add(
      theme,
      kabkota,
      atHour(rng, new Date(seasons.lebaran.getTime() + offset * DAY), theme),
      episodeKinds(rng, 0.5),
    );
  }

  // Football: the home town's roads before and after the match.
  const matches = seasons.matchdays;
  for (let i = 0; i < count(EPISODES.football) && matches.length > 0; i++) {
    const match = matches[i % matches.length];
    const episode = add(
      'suporter',
      match.home,
      atHour(rng, new Date(match.date.getTime() + (rng.chance(0.3) ? -DAY : 0)), 'suporter'),
      episodeKinds(rng, 0.45),
    );
    if (episode) episode.slots.T2 = KABKOTA[match.away].short;
  }
  return episodes;
}

// ── Reports ──────────────────────────────────────────────────────────────────────────────────

function countsFor(rng: Rng, group: VulnerableGroup, max: number): number {
  return group === 'disabilitas' || group === 'ibu_hamil' ? 1 : rng.int(1, max);
}

const VULNERABLE_WEIGHTS = { anak: 55, lansia: 20, disabilitas: 10, ibu_hamil: 8, fakir_miskin: 7 } as const;

type Facts = {
  injured: number;
  dead: number;
  displaced: number;
  housesDamaged: number;
  involved: number;
  violenceOngoing: boolean;
  vulnerable: Vulnerable;
};

function makeFacts(rng: Rng, episode: Episode, kind: ReportKind, isLive: boolean): Facts {
  const theme = episode.theme;
  const facts: Facts = {
    injured: 0,
    dead: 0,
    displaced: 0,
    housesDamaged: 0,
    involved: rng.chance(0.6) ? rng.int(1, 15) * 10 : 0,
    violenceOngoing: false,
    vulnerable: {},
  };
  const add = (group: VulnerableGroup, field: 'harmed' | 'displaced' | 'atRisk', n: number) => {
    const current = facts.vulnerable[group] ?? { harmed: 0, displaced: 0, atRisk: 0 };
    facts.vulnerable[group] = { ...current, [field]: current[field] + n };
  };
  if (kind === 'sinyal') {
    if (rng.chance(0.15)) {
      const group = rng.weighted({ anak: 60, lansia: 25, disabilitas: 8, ibu_hamil: 7 } as const);
      add(group, 'atRisk', countsFor(rng, group, 20));
    }
    return facts;
  }
  facts.involved = theme === 'suporter' ? rng.int(5, 50) * 10 : rng.int(1, 25) * 10;
  const roll = rng.random();
  facts.injured = roll < 0.35 ? 0 : roll < 0.8 ? rng.int(1, 3) : rng.int(4, 12);
  if (theme === 'carok') {
    facts.involved = rng.int(2, 8);
    facts.injured = rng.int(1, 2);
    facts.dead = rng.chance(0.35) ? 1 : 0;
  } else if (rng.chance(0.025)) {
    facts.dead = 1;
  }
  const damages = ['silat', 'suro', 'silatWarga', 'suporter', 'pilkades', 'santet', 'kebun', 'halalBihalal'];
  if (damages.includes(theme) && rng.chance(0.45)) facts.housesDamaged = rng.int(1, 6);
  if (facts.housesDamaged > 0 && rng.chance(0.4)) facts.displaced = rng.int(3, 40);
  if (theme === 'santet' && rng.chance(0.7)) {
    facts.displaced = Math.max(facts.displaced, rng.int(1, 5));
    add('lansia', 'displaced', 1);
  }
  facts.violenceOngoing = isLive && rng.chance(0.25);
  if (rng.chance(0.14)) {
    const group = rng.weighted(VULNERABLE_WEIGHTS);
    add(group, 'harmed', countsFor(rng, group, 3));
  }
  if (facts.displaced > 0 && rng.chance(0.6)) {
    const group = rng.weighted({ lansia: 50, anak: 35, disabilitas: 15 } as const);
    add(group, 'displaced', Math.min(facts.displaced, countsFor(rng, group, 4)));
  }
  if (rng.chance(0.1)) add('anak', 'atRisk', rng.int(5, 30));
  if (episode.isScenarioIncident) {
    // Scenario 2: three children hurt by thrown stones, an elderly woman with a disability trapped.
    facts.injured = Math.max(facts.injured, 2);
    facts.housesDamaged = Math.max(facts.housesDamaged, 2);
    add('anak', 'harmed', 3);
    add('disabilitas', 'harmed', 1);
    add('lansia', 'atRisk', 1);
  }
  return facts;
}

function describe(
  rng: Rng,
  template: string,
  slots: Slots,
  kind: ReportKind,
  facts: Facts,
  channel: string,
): string {
  const parts = [fill(template, slots)];
  const say = (options: readonly string[], n: number) => fill(rng.pick(options), { ...slots, n: String(n) });
  if (kind === 'kejadian') {
    if (facts.injured > 0) parts.push(say(FACT_TEXTS.injured, facts.injured));
    if (facts.dead > 0) parts.push(say(FACT_TEXTS.dead, facts.dead));
    if (facts.housesDamaged > 0) parts.push(say(FACT_TEXTS.houses, facts.housesDamaged));
    if (facts.displaced > 0) parts.push(say(FACT_TEXTS.displaced, facts.displaced));
  }
  for (const field of ['harmed', 'displaced', 'atRisk'] as const) {
    for (const [group, counts] of Object.entries(facts.vulnerable) as [
      VulnerableGroup,
      { [k: string]: number },
    ][]) {
      if (counts[field] > 0) parts.push(say(VULNERABLE_TEXTS[field][group], counts[field]));
    }
  }
  if (facts.violenceOngoing) parts.push(rng.pick(FACT_TEXTS.ongoing));
  parts.push(rng.pick(kind === 'kejadian' ? FACT_TEXTS.closers : FACT_TEXTS.signalClosers));
  let text = `${rng.pick(OPENERS)}${parts.filter(Boolean).join(' ')}`;
  if (channel === 'sms') {
    for (const [word, short] of SMS_WORDS) text = text.replace(word, short);
    text = `${slots.kec.toUpperCase()}: ${text}`;
  } else if (rng.chance(0.3)) {
    text = text.replaceAll('sdh', 'sudah').replaceAll('yg', 'yang');
  }
  return text.trim();
}

function needsFor(facts: Facts, kind: ReportKind, rng: Rng): Need[] {
  const needs = new Set<Need>();
  if (facts.injured > 0 || facts.dead > 0) needs.add('kesehatan');
  if (facts.displaced > 0) {
    needs.add('hunian_sementara');
    needs.add('pangan');
  }
  if ((facts.vulnerable.anak?.harmed ?? 0) > 0) needs.add('psikososial');
  if (kind === 'kejadian' ? rng.chance(0.6) : rng.chance(0.4))
    needs.add(rng.chance(0.5) ? 'keamanan' : 'mediasi');
  return [...needs];
}

/**
 * How operators took the report in hand: acknowledged mostly within its deadline, verified (or rejected)
 * soon after; missed deadlines escalated exactly as the escalation job does, one level per missed deadline.
 */
function handleReport(
  rng: Rng,
  createdAt: Date,
  priority: Priority,
  kabkota: string,
  staff: Staff,
  options: DemoOptions,
  rejectChance: number,
): ReportTimes {
  const now = options.now;
  const ack = options.sla[priority].acknowledge;
  const isRecent = now.getTime() - createdAt.getTime() < 48 * HOUR;
  let ackAt: Date | null = new Date(
    createdAt.getTime() + (rng.chance(0.85) ? rng.between(0.05, 0.6) : rng.between(1.1, 2.5)) * ack * MINUTE,
  );
  if (isRecent && rng.chance(0.35)) ackAt = null;
  if (ackAt && ackAt.getTime() > now.getTime()) ackAt = null;

  let level: HandlingLevel = 'kabkota';
  let due = dueAt(createdAt, ack);
  let escalatedAt: Date | null = null;
  const handledAt = ackAt?.getTime() ?? Number.POSITIVE_INFINITY;
  for (
    let to = nextLevel(level);
    to && due.getTime() < Math.min(handledAt, now.getTime());
    to = nextLevel(level)
  ) {
    escalatedAt = new Date(due.getTime() + MINUTE);
    level = to;
    due = dueAt(escalatedAt, ack);
  }
  const handler = () => {
    if (level === 'bakorwil' && rng.chance(0.5)) return staff.koordinator.id;
    if (level === 'provinsi' && rng.chance(0.5)) return staff.provinsi.id;
    return rng.pick(staff.operators.get(kabkota)!).id;
  };
  const times: ReportTimes = {
    status: 'baru',
    statusReason: null,
    acknowledgedAt: ackAt,
    acknowledgedBy: ackAt ? handler() : null,
    verifiedAt: null,
    verifiedBy: null,
    dueAcknowledgeAt: due,
    handlingLevel: level,
    escalatedAt,
  };
  if (!ackAt) return times;
  const verifyMinutes = { P1: [5, 20], P2: [10, 60], P3: [15, 240], P4: [15, 240] }[priority];
  const verifiedAt = new Date(ackAt.getTime() + rng.between(verifyMinutes[0], verifyMinutes[1]) * MINUTE);
  if (verifiedAt.getTime() > now.getTime() || (isRecent && rng.chance(0.3))) return times;
  const isRejected = rng.chance(rejectChance);
  return {
    ...times,
    status: isRejected ? 'ditolak' : 'terverifikasi',
    statusReason: isRejected ? rng.pick(REJECTIONS) : null,
    verifiedAt,
    verifiedBy: times.acknowledgedBy,
  };
}

function pickReporter(
  rng: Rng,
  kabkota: string,
  staff: Staff,
  except?: string,
): { id: string; isOperator: boolean } {
  const relawan = (staff.relawan.get(kabkota) ?? []).filter((u) => u.id !== except);
  if (relawan.length === 0 || rng.chance(0.12)) {
    return { id: rng.pick(staff.operators.get(kabkota)!).id, isOperator: true };
  }
  return { id: rng.pick(relawan).id, isOperator: false };
}

function makeReport(
  rng: Rng,
  episode: Episode,
  desa: DemoArea,
  kind: ReportKind,
  occurredAt: Date,
  staff: Staff,
  options: DemoOptions,
  index: number,
  override?: { reporterExcept: string },
): DemoReport {
  const theme: Theme = THEMES[episode.theme];
  const reporter = pickReporter(rng, episode.kabkotaCode, staff, override?.reporterExcept);
  const channel = reporter.isOperator
    ? rng.weighted({ web: 85, import: 15 } as const)
    : rng.weighted({ web: 62, sms: 20, odk: 18 } as const);
  // Most reports are sent within hours; some wait in a phone's outbox until there is signal.
  const delay = kind === 'kejadian' ? rng.between(3, 120) : rng.between(5, 240);
  const outbox = channel === 'web' && rng.chance(0.08) ? rng.between(6, 30) * 60 : 0;
  let createdAt = new Date(occurredAt.getTime() + (delay + outbox) * MINUTE);
  if (createdAt.getTime() > options.now.getTime() - 2 * MINUTE) {
    createdAt = new Date(Math.max(occurredAt.getTime() + MINUTE, options.now.getTime() - 2 * MINUTE));
  }
  const isLive = delay + outbox < 45;
  const facts = makeFacts(
    rng,
    {
      ...episode,
      isScenarioIncident:
        episode.isScenarioIncident && index === episode.kinds.indexOf('kejadian') && !override,
    },
    kind,
    isLive,
  );
  const story = rng.pick(kind === 'sinyal' ? theme.sinyal : theme.kejadian);
  const slots = { ...episode.slots, desa: desa.name, jam: `${wibClock(occurredAt)}` };
  const fields: DemoReportFields = {
    kind,
    conflictType: theme.conflictType,
    triggers: [...story.triggers],
    groupsInvolved: fill(rng.pick(theme.groups), slots),
    regionCode: desa.code,
    occurredAt: toWibIso(occurredAt),
    violenceOngoing: facts.violenceOngoing,
    description: describe(rng, story.text, slots, kind, facts, channel),
    involved: facts.involved,
    injured: facts.injured,
    dead: facts.dead,
    displaced: facts.displaced,
    housesDamaged: facts.housesDamaged,
    vulnerable: facts.vulnerable,
    needs: needsFor(facts, kind, rng),
    channel,
  };
  const { priority, reasons } = triage(fields);
  const isHoax = story.triggers.includes('informasi_provokatif') && kind === 'sinyal';
  const handled = handleReport(
    rng,
    createdAt,
    priority,
    episode.kabkotaCode,
    staff,
    options,
    isHoax ? 0.15 : 0.06,
  );
  const updatedAt = handled.verifiedAt ?? handled.acknowledgedAt ?? handled.escalatedAt ?? createdAt;
  return {
    id: rng.uuid(),
    fields,
    kabkotaCode: episode.kabkotaCode,
    kecamatanCode: desa.parentCode,
    hasVulnerable: hasVulnerable(facts.vulnerable),
    priority,
    priorityRank: PRIORITY_RANK[priority],
    priorityReasons: reasons,
    reporterId: reporter.id,
    ...handled,
    duplicateOf: null,
    version: handled.verifiedAt ? 2 : 1,
    createdAt,
    updatedAt,
    caseId: null,
    dedupCheckedAt: new Date(Math.min(createdAt.getTime() + MINUTE, options.now.getTime())),
  };
}

function wibClock(date: Date): string {
  return toWibIso(date).slice(11, 16).replace(':', '.');
}

/**
 * Second reports of the same event by someone else: marked duplikat of the first by the operator, with the
 * suggestion the background job would have made.
 */
function makeDuplicates(
  rng: Rng,
  made: Made[],
  staff: Staff,
  options: DemoOptions,
): { report: DemoReport; pairs: DemoDuplicate[] }[] {
  const out: { report: DemoReport; pairs: DemoDuplicate[] }[] = [];
  for (const { report, episode, desa } of made) {
    if (report.status !== 'terverifikasi' || !rng.chance(0.07)) continue;
    const occurred = new Date(new Date(report.fields.occurredAt).getTime() + rng.between(-30, 60) * MINUTE);
    const copy = makeReport(rng, episode, desa, report.fields.kind, occurred, staff, options, 1, {
      reporterExcept: report.reporterId,
    });
    if (copy.createdAt.getTime() <= report.createdAt.getTime()) {
      copy.createdAt = new Date(report.createdAt.getTime() + rng.between(5, 90) * MINUTE);
    }
    if (copy.createdAt.getTime() > options.now.getTime() - MINUTE) continue;
    const by = report.verifiedBy ?? rng.pick(staff.operators.get(episode.kabkotaCode)!).id;
    const verifiedAt = new Date(
      Math.max(copy.createdAt.getTime(), report.verifiedAt!.getTime()) + rng.between(10, 180) * MINUTE,
    );
    if (verifiedAt.getTime() > options.now.getTime()) continue;
    const duplicate: DemoReport = {
      ...copy,
      status: 'duplikat',
      statusReason: null,
      duplicateOf: report.id,
      acknowledgedAt: copy.acknowledgedAt ?? verifiedAt,
      acknowledgedBy: copy.acknowledgedBy ?? by,
      verifiedAt,
      verifiedBy: by,
      version: 2,
      updatedAt: verifiedAt,
    };
    const similarity = Math.round(rng.between(0.32, 0.8) * 100) / 100;
    const at = duplicate.dedupCheckedAt;
    out.push({
      report: duplicate,
      pairs: [
        { reportId: duplicate.id, candidateId: report.id, similarity, createdAt: at },
        { reportId: report.id, candidateId: duplicate.id, similarity, createdAt: at },
      ],
    });
  }
  return out;
}

// ── Cases ────────────────────────────────────────────────────────────────────────────────────

type StoryEvent = DemoTimelineEntry & {
  phase?: CasePhase;
  step?: RecoveryStep;
  apply?: (c: DemoCase) => void;
};

const CASE_CHANCE: Record<Priority, number> = { P1: 0.9, P2: 0.6, P3: 0.3, P4: 0.12 };
const PHASES: readonly CasePhase[] = ['pencegahan', 'penghentian', 'pemulihan', 'selesai'];
const NEIGHBOURS: Readonly<Record<string, readonly string[]>> = {
  '35.08': ['35.09', '35.13'],
  '35.09': ['35.08', '35.10', '35.11'],
  '35.10': ['35.09', '35.12'],
  '35.11': ['35.09', '35.12'],
  '35.12': ['35.11', '35.10'],
  '35.13': ['35.74', '35.08'],
  '35.74': ['35.13'],
};

function makeCases(rng: Rng, made: Made[], staff: Staff, options: DemoOptions): DemoCase[] {
  const byEpisode = new Map<Episode, Made[]>();
  for (const m of made) addTo(byEpisode, m.episode, m);
  const stories: { events: StoryEvent[]; base: DemoCase; reports: DemoReport[] }[] = [];
  for (const [episode, all] of byEpisode) {
    const verified = all.filter((m) => m.report.status === 'terverifikasi');
    if (verified.length === 0) continue;
    const worst = verified.reduce((p, m) => Math.min(p, m.report.priorityRank), 4);
    if (!rng.chance(CASE_CHANCE[(['P1', 'P2', 'P3', 'P4'] as const)[worst - 1]])) continue;
    const story = planCase(rng, episode, verified, staff, options);
    if (story) stories.push(story);
  }
  const cutoffs = new Map<DemoCase['id'], number>();
  const build = () =>
    stories.map((s) => materialize(s, cutoffs.get(s.base.id) ?? options.now.getTime(), options));
  let cases = build();
  // A small data set may miss a phase: stop the newest case that passed through it right there.
  for (const phase of PHASES.slice(0, 3)) {
    if (cases.some((c) => c.phase === phase)) continue;
    const candidates = stories
      .map((s) => ({
        s,
        enter: s.events.find((e) => e.phase === phase)?.at,
        next: s.events.find((e) => e.phase && PHASES.indexOf(e.phase) > PHASES.indexOf(phase))?.at,
      }))
      .filter((c) => c.enter && c.next && cutoffs.get(c.s.base.id) === undefined)
      .sort((a, b) => b.enter!.getTime() - a.enter!.getTime());
    const chosen = candidates[0];
    if (chosen) cutoffs.set(chosen.s.base.id, chosen.next!.getTime() - MINUTE);
    cases = build();
  }
  const storyOf = new Map(stories.map((s) => [s.base.id, s]));
  for (const c of cases) {
    {
      const story = storyOf.get(c.id)!;
      for (const report of story.reports) {
        const attached = c.timeline.some(
          (t) =>
            (t.kind === 'opened' && (t.details.reportIds as string[]).includes(report.id)) ||
            (t.kind === 'report_attached' && t.details.reportId === report.id),
        );
        if (!attached) continue;
        const at =
          c.timeline.find((t) => t.kind === 'report_attached' && t.details.reportId === report.id)?.at ??
          c.createdAt;
        report.caseId = c.id;
        report.version += 1;
        if (at.getTime() > report.updatedAt.getTime()) report.updatedAt = at;
      }
    }
  }
  return cases;
}

/** The whole life of a case as timed events, whether or not they have happened by `now`. */
function planCase(
  rng: Rng,
  episode: Episode,
  verified: Made[],
  staff: Staff,
  options: DemoOptions,
): { events: StoryEvent[]; base: DemoCase; reports: DemoReport[] } | undefined {
  const theme: Theme = THEMES[episode.theme];
  const kab = episode.kabkotaCode;
  const operator = rng.pick(staff.operators.get(kab)!);
  const first = verified[0].report;
  const isUrgent = first.priority === 'P1';
  const openedAt = new Date(
    first.verifiedAt!.getTime() + (isUrgent ? rng.between(5, 20) : rng.between(10, 90)) * MINUTE,
  );
  if (openedAt.getTime() > options.now.getTime()) return undefined;
  const initial = verified
    .filter((m) => m.report.verifiedAt!.getTime() <= openedAt.getTime())
    .map((m) => m.report);
  const later = verified.filter((m) => !initial.includes(m.report)).map((m) => m.report);
  const lead = [...initial].sort((a, b) => a.priorityRank - b.priorityRank)[0];
  const start = new Date(Math.min(...initial.map((r) => r.createdAt.getTime())));
  const sla = options.sla[lead.priority];
  const slots = { ...episode.slots, desa: verified[0].desa.name };
  const id = rng.uuid();
  const base: DemoCase = {
    id,
    title: fill(rng.pick(theme.titles), slots),
    regionCode: lead.fields.regionCode,
    kabkotaCode: kab,
    conflictType: theme.conflictType,
    phase: 'pencegahan',
    recoverySteps: [],
    outcome: null,
    summary: fill(rng.pick(theme.summaries), slots),
    priority: lead.priority,
    hasVulnerable: initial.some((r) => r.hasVulnerable),
    version: 1,
    createdBy: operator.id,
    createdAt: openedAt,
    updatedAt: openedAt,
    closedAt: null,
    dueResponseAt: dueAt(start, sla.response),
    dueResolveAt: dueAt(start, sla.resolve),
    firstResponseAt: null,
    handlingLevel: 'kabkota',
    escalatedAt: null,
    escalationReason: null,
    timeline: [],
    assignments: [],
    dispositions: [],
    followUps: [],
    people: [],
    referrals: [],
    grants: [],
  };
  const events: StoryEvent[] = [];
  const after = (from: Date, minMinutes: number, maxMinutes: number) =>
    new Date(from.getTime() + rng.between(minMinutes, maxMinutes) * MINUTE);
  const push = (event: StoryEvent) => events.push(event);

  push({
    at: openedAt,
    actorId: operator.id,
    kind: 'opened',
    details: { reportIds: initial.map((r) => r.id) },
    phase: 'pencegahan',
  });
  for (const report of later) {
    const at = after(report.verifiedAt!, 5, 60);
    push({
      at,
      actorId: operator.id,
      kind: 'report_attached',
      details: { reportId: report.id },
      apply: (c) => {
        c.priority = (['P1', 'P2', 'P3', 'P4'] as const)[
          Math.min(PRIORITY_RANK[c.priority], report.priorityRank) - 1
        ];
        c.hasVulnerable ||= report.hasVulnerable;
      },
    });
  }
  // Groups from a neighbouring kab/kota: the case is shared with it (cross-border convoys).
  if (['suro', 'silat', 'suporter'].includes(episode.theme) && rng.chance(0.25)) {
    const other = rng.pick(NEIGHBOURS[kab]);
    push({
      at: after(openedAt, 30, 24 * 60),
      actorId: operator.id,
      kind: 'shared',
      details: { kabkotaCode: other },
      apply: (c) => c.grants.push({ kind: 'region', grantee: other, reason: 'shared' }),
    });
  }

  // People on the ground: the right pillars first, then whoever is near.
  const needsCare = verified.some((m) => m.report.hasVulnerable);
  const wanted = needsCare ? ['jsc', 'tksk', 'tagana'] : ['pordam', 'tksk', 'tagana', 'sahabat_tagana'];
  const rank = (u: DemoUser) => wanted.indexOf(staff.pillarTypeOf.get(u.id) ?? '');
  const assignees = (staff.relawan.get(kab) ?? [])
    .filter((u) => rank(u) >= 0)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, rng.int(1, 3));
  for (const person of assignees) {
    const assignedAt = after(openedAt, 5, isUrgent ? 20 : 60);
    const assignmentId = rng.uuid();
    const task = rng.pick(theme.tasks);
    push({
      at: assignedAt,
      actorId: operator.id,
      kind: 'assigned',
      details: { userId: person.id },
      apply: (c) => {
        c.assignments.push({
          id: assignmentId,
          userId: person.id,
          assignedBy: operator.id,
          task,
          dueAt: dueAt(assignedAt, sla.response),
          status: 'ditugaskan',
          createdAt: assignedAt,
        });
        c.grants.push({ kind: 'user', grantee: person.id, reason: 'assigned' });
      },
    });
    // A first field response mostly within its deadline; sometimes late (no signal, far away).
    const onTime = rng.chance(0.8);
    const target =
      start.getTime() + sla.response * (onTime ? rng.between(0.4, 0.95) : rng.between(1.1, 2.5)) * MINUTE;
    const arrive = new Date(
      Math.max(target, assignedAt.getTime() + rng.between(5, isUrgent ? 20 : 40) * MINUTE),
    );
    let at = arrive;
    const desaCode = verified[0].desa.code;
    const visit = (kind: 'check_in' | 'tindak_lanjut' | 'check_out', action: string) => {
      const followId = rng.uuid();
      const when = at;
      push({
        at: when,
        actorId: person.id,
        kind,
        details: { followUpId: followId },
        apply: (c) => {
          c.followUps.push({
            id: followId,
            authorId: person.id,
            kind,
            action,
            occurredAt: toWibIso(when),
            regionCode: desaCode,
            createdAt: when,
          });
          if (!c.firstResponseAt || when.getTime() < c.firstResponseAt.getTime()) c.firstResponseAt = when;
        },
      });
    };
    visit('check_in', fill(rng.pick(FOLLOW_UPS.checkIn), slots));
    for (let v = 0; v < rng.int(1, 3); v++) {
      at = after(at, 30, v === 0 ? 240 : 3 * 24 * 60);
      visit('tindak_lanjut', rng.pick(FOLLOW_UPS.work));
    }
    at = after(at, 20, 180);
    visit('check_out', rng.pick(FOLLOW_UPS.checkOut));
  }

  // Partner agencies for their part.
  const kinds = new Set<AgencyKind>(theme.agencies.slice(0, rng.int(1, theme.agencies.length)));
  if (verified.some((m) => m.report.fields.displaced > 0 || m.report.fields.housesDamaged > 2))
    kinds.add('bpbd');
  for (const kind of kinds) {
    const agencyId = staff.agenciesOf.get(kab)?.get(kind);
    if (!agencyId) continue;
    const sentAt = after(openedAt, 10, 120);
    const dispositionId = rng.uuid();
    const answerAt = after(sentAt, 60, 36 * 60);
    const text = DISPOSITIONS[kind];
    const instruction = fill(rng.pick(text.instructions), slots);
    const answer = fill(rng.pick(text.answers), slots);
    const status = rng.chance(0.6) ? ('selesai' as const) : ('diterima' as const);
    const dispositionDue = after(sentAt, 24 * 60, 72 * 60);
    push({
      at: sentAt,
      actorId: operator.id,
      kind: 'disposition_sent',
      details: { agencyId },
      apply: (c) => {
        c.dispositions.push({
          id: dispositionId,
          agencyId,
          instruction,
          dueAt: dispositionDue,
          status: 'terkirim',
          answer: null,
          answeredAt: null,
          answeredBy: null,
          createdBy: operator.id,
          createdAt: sentAt,
        });
        c.grants.push({ kind: 'agency', grantee: agencyId, reason: 'disposition' });
      },
    });
    const mitra = staff.mitraOf.get(agencyId)!;
    push({
      at: answerAt,
      actorId: mitra.id,
      kind: 'disposition_answered',
      details: { dispositionId, status },
      apply: (c) => {
        const d = c.dispositions.find((x) => x.id === dispositionId)!;
        Object.assign(d, { status, answer, answeredAt: answerAt, answeredBy: mitra.id });
      },
    });
  }

  // The phases: violence is stopped, recovery follows, the case closes; warnings handled in time just close.
  const hasIncident = (r: DemoReport) => r.fields.kind === 'kejadian';
  const incidentAt = initial.some(hasIncident)
    ? after(openedAt, 15, 180)
    : later.find(hasIncident)
      ? after(later.find(hasIncident)!.verifiedAt!, 30, 120)
      : undefined;
  const phase = (at: Date, from: CasePhase, to: CasePhase, outcome?: string) =>
    push({
      at,
      actorId: operator.id,
      kind: 'phase_changed',
      details: { from, to },
      phase: to,
      apply: (c) => {
        c.phase = to;
        c.version += 1;
        if (to === 'selesai') {
          c.closedAt = at;
          c.outcome = outcome ?? null;
          for (const a of c.assignments) a.status = 'selesai';
        }
      },
    });
  const harm = verified.reduce(
    (acc, { report }) => ({
      injured: acc.injured + report.fields.injured,
      houses: Math.max(acc.houses, report.fields.housesDamaged),
    }),
    { injured: 0, houses: 0 },
  );
  // How long the case runs, against its resolution deadline: mostly within it, some late, a few for months.
  const pace = rng.weighted({ inTime: 68, late: 20, long: 12 } as const);
  const factor =
    pace === 'inTime'
      ? rng.between(0.3, 0.95)
      : pace === 'late'
        ? rng.between(1.05, 2.5)
        : rng.between(4, 12);
  const span = sla.resolve * factor * MINUTE;
  const isPrevented = !incidentAt && rng.chance(0.75);
  if (isPrevented) {
    const closeAt = new Date(openedAt.getTime() + Math.max(span * 0.5, DAY));
    phase(closeAt, 'pencegahan', 'selesai', fill(rng.pick(PREVENTED_OUTCOMES), slots));
  } else {
    let from: CasePhase = 'pencegahan';
    let stopped = openedAt;
    if (incidentAt) {
      phase(incidentAt, 'pencegahan', 'penghentian');
      addPeople(rng, events, verified, incidentAt, operator.id, slots);
      from = 'penghentian';
      stopped = incidentAt;
    }
    const end = Math.max(openedAt.getTime() + span, stopped.getTime() + 2 * DAY);
    const recovery = new Date(stopped.getTime() + (end - stopped.getTime()) * rng.between(0.1, 0.35));
    phase(recovery, from, 'pemulihan');
    const steps: RecoveryStep[] = ['rekonsiliasi'];
    if (harm.injured > 0 || harm.houses > 0 || needsCare) steps.push('rehabilitasi');
    if (harm.houses >= 3) steps.push('rekonstruksi');
    const marks = steps.map(() => rng.between(0.1, 0.9)).sort((a, b) => a - b);
    steps.forEach((step, i) => {
      push({
        at: new Date(recovery.getTime() + (end - recovery.getTime()) * marks[i]),
        actorId: operator.id,
        kind: 'recovery_step',
        details: { step },
        step,
        apply: (c) => {
          c.recoverySteps.push(step);
          c.version += 1;
        },
      });
    });
    phase(new Date(end), 'pemulihan', 'selesai', fill(rng.pick(theme.outcomes), slots));
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { events, base, reports: [...initial, ...later] };
}

/** The named vulnerable people of the reports, each referred to a service and followed up. */
function addPeople(
  rng: Rng,
  events: StoryEvent[],
  verified: Made[],
  from: Date,
  operatorId: string,
  slots: Slots,
): void {
  const groups = new Map<VulnerableGroup, number>();
  for (const { report } of verified) {
    for (const [group, c] of Object.entries(report.fields.vulnerable) as [
      VulnerableGroup,
      { harmed: number; displaced: number },
    ][]) {
      groups.set(group, (groups.get(group) ?? 0) + c.harmed + c.displaced);
    }
  }
  let at = from;
  for (const [group, count] of groups) {
    for (let i = 0; i < Math.min(count, 2); i++) {
      at = new Date(at.getTime() + rng.between(30, 12 * 60) * MINUTE);
      const personId = rng.uuid();
      const family = rng.pick(NAMES.family);
      const isChild = group === 'anak';
      const person = {
        id: personId,
        fullName: isChild
          ? `${rng.pick(NAMES.children)} ${family}`
          : group === 'lansia'
            ? rng.pick(NAMES.elders)
            : `${rng.pick(NAMES.given)} ${family}`,
        age: isChild
          ? rng.int(5, 15)
          : group === 'lansia'
            ? rng.int(62, 88)
            : group === 'ibu_hamil'
              ? rng.int(19, 38)
              : rng.int(20, 65),
        group,
        needs: isChild
          ? ['psikososial', 'kesehatan']
          : group === 'lansia'
            ? ['kesehatan', 'hunian_sementara']
            : ['kesehatan'],
        guardianName: isChild ? `${rng.pick(NAMES.given)} ${family}` : null,
        guardianConsent: isChild,
        createdBy: operatorId,
        createdAt: at,
      };
      const added = at;
      events.push({
        at: added,
        actorId: operatorId,
        kind: 'person_added',
        details: { personId },
        apply: (c) => {
          c.people.push(person);
          c.hasVulnerable = true;
        },
      });
      const referralId = rng.uuid();
      const referral = REFERRALS[group];
      const referredAt = new Date(added.getTime() + rng.between(30, 12 * 60) * MINUTE);
      const acceptedAt = new Date(referredAt.getTime() + rng.between(12, 72) * HOUR);
      const doneAt = new Date(acceptedAt.getTime() + rng.between(3, 14) * DAY);
      events.push({
        at: referredAt,
        actorId: operatorId,
        kind: 'referral_created',
        details: { referralId, personId, service: referral.service },
        apply: (c) =>
          c.referrals.push({
            id: referralId,
            personId,
            service: referral.service,
            provider: fill(referral.provider, slots),
            dueAt: new Date(referredAt.getTime() + 7 * DAY),
            status: 'dirujuk',
            createdBy: operatorId,
            createdAt: referredAt,
            completedAt: null,
          }),
      });
      for (const [when, from, to] of [
        [acceptedAt, 'dirujuk', 'diterima'],
        [doneAt, 'diterima', 'selesai'],
      ] as const) {
        events.push({
          at: when,
          actorId: operatorId,
          kind: 'referral_updated',
          details: { referralId, from, to },
          apply: (c) => {
            const r = c.referrals.find((x) => x.id === referralId)!;
            r.status = to;
            if (to === 'selesai') r.completedAt = when;
          },
        });
      }
    }
  }
}

/** The case as it stands at `cutoff`: the events up to then applied, then the escalations they caused. */
function materialize(
  story: { events: StoryEvent[]; base: DemoCase },
  cutoff: number,
  options: DemoOptions,
): DemoCase {
  const c: DemoCase = structuredClone({ ...story.base, timeline: [] });
  for (const event of story.events) {
    if (event.at.getTime() > cutoff) break;
    event.apply?.(c);
    c.timeline.push({ at: event.at, actorId: event.actorId, kind: event.kind, details: event.details });
    c.updatedAt = event.at;
  }
  // Referrals still open when the case closed were completed at closing.
  if (c.closedAt) {
    for (const r of c.referrals) {
      if (r.status !== 'selesai') Object.assign(r, { status: 'selesai', completedAt: c.closedAt });
    }
  }
  escalate(c, options);
  return c;
}

/** Replays the escalation job over the case's life: one level up per missed deadline while it was open. */
function escalate(c: DemoCase, options: DemoOptions): void {
  const sla = options.sla[c.priority];
  const openUntil = (c.closedAt ?? options.now).getTime();
  const response = c.firstResponseAt?.getTime() ?? Number.POSITIVE_INFINITY;
  for (let to = nextLevel(c.handlingLevel); to; to = nextLevel(c.handlingLevel)) {
    const responseMissAt =
      response > c.dueResponseAt.getTime() ? c.dueResponseAt.getTime() : Number.POSITIVE_INFINITY;
    const due = Math.min(responseMissAt, c.dueResolveAt.getTime());
    // The job runs every minute, and sees the case only once it exists.
    const at = new Date(Math.max(due, c.createdAt.getTime()) + MINUTE);
    if (at.getTime() >= openUntil) break;
    const missed = missedCaseDeadlines(
      {
        dueResponseAt: c.dueResponseAt,
        dueResolveAt: c.dueResolveAt,
        firstResponseAt: response <= at.getTime() ? new Date(response) : null,
      },
      at,
    );
    const reason = caseEscalationReason(missed, c, c.priority);
    const dueResponseAt = missed.isResponseMissed ? dueAt(at, sla.response) : c.dueResponseAt;
    const resolveAt = missed.isResolveMissed ? dueAt(at, sla.resolve) : c.dueResolveAt;
    c.timeline.push({ at, actorId: null, kind: 'escalated', details: { from: c.handlingLevel, to, reason } });
    Object.assign(c, {
      handlingLevel: to,
      escalatedAt: at,
      escalationReason: reason,
      dueResponseAt,
      dueResolveAt: new Date(Math.max(resolveAt.getTime(), dueResponseAt.getTime())),
    });
  }
  c.timeline.sort((a, b) => a.at.getTime() - b.at.getTime());
}

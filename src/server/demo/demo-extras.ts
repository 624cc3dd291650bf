import type { ChecklistKey } from '../../shared/early-warning/alert-rules.ts';
import { CHECKLIST_KEYS } from '../../shared/early-warning/alert-rules.ts';
import { quarterOf, quarterOfDate } from '../../shared/evaluation/period.ts';
import type { LessonWriting } from '../../shared/lessons/lesson-rules.ts';
import { searchKey } from '../../shared/regions.ts';
import { toWibIso, wibDate } from '../../shared/time.ts';
import type { AgreementRecord } from '../modules/register/groups-store.ts';
import {
  createRandom,
  DAY,
  DEMO_BAKORWIL,
  type DemoCase,
  type DemoPlan,
  type DemoRegions,
  HOUR,
  makeTools,
} from './demo-data.ts';
import { ACTION_TEXTS, AGREEMENT_TEXT, LESSONS, WORKSHOP_TOPICS } from './demo-extras-texts.ts';
import { KABKOTA, PERGURUAN } from './demo-texts.ts';

// Pure generation of the parts of the demo around the reports and cases: the register of actor groups (with a
// rivalry and a peace agreement), calendar events around 1 Suro, a workshop per Bakorwil quarter with its
// participants and action items, and a dozen published lessons. The same plan, seed and `now` give the same data.

export type DemoGroup = {
  id: string;
  kind: 'perguruan_silat' | 'suporter';
  name: string;
  shortName: string;
  nameKey: string;
  description: string;
};
export type DemoBranch = {
  id: string;
  groupId: string;
  level: 'cabang' | 'ranting';
  regionCode: string;
  name: string;
};
export type DemoRivalry = {
  groupA: string;
  groupB: string;
  intensity: 'rendah' | 'sedang' | 'tinggi';
  status: 'aktif' | 'mereda';
  note: string;
};
/** A peace agreement as the register stores it, without a document or breaches; its parties by group id. */
export type DemoAgreement = Omit<
  AgreementRecord,
  'regionName' | 'hasDocument' | 'documentType' | 'parties' | 'breaches'
> & { parties: string[]; createdBy: string };
export type DemoEvent = {
  id: string;
  kind: 'konvoi' | 'pengesahan_warga' | 'pertandingan';
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  regionCode: string;
  routeRegionCodes: string[];
  expectedCrowd: number;
  status: 'terjadwal' | 'selesai';
  checklist: Record<string, { isDone: boolean; note: string; by: string; at: string }>;
  review: Record<string, unknown> | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  groupIds: string[];
  createdBy: string;
  createdAt: Date;
};
export type DemoWorkshop = {
  id: string;
  topic: string;
  startsAt: Date;
  place: string;
  bakorwilId: string;
  facilitators: string[];
  status: 'direncanakan' | 'terlaksana';
  notes: string;
  evaluation: { scope: string; from: string; to: string } | null;
  createdBy: string;
  createdAt: Date;
  participants: { userId: string; attendance: 'diundang' | 'hadir' | 'tidak_hadir' }[];
  actions: {
    description: string;
    ownerUserId: string;
    ownerName: string;
    dueOn: string;
    status: 'terbuka' | 'selesai';
    doneNote: string | null;
    doneAt: Date | null;
  }[];
};
export type DemoLesson = LessonWriting & {
  id: string;
  kabkotaCode: string;
  authorId: string;
  publishedBy: string;
  createdAt: Date;
  publishedAt: Date;
  caseIds: string[];
};

export type DemoExtras = {
  groups: DemoGroup[];
  branches: DemoBranch[];
  rivalries: DemoRivalry[];
  agreements: DemoAgreement[];
  events: DemoEvent[];
  workshops: DemoWorkshop[];
  lessons: DemoLesson[];
};

/** Noon WIB of a calendar day, plus hours. */
const atWib = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);
const plusDays = (day: string, days: number) => wibDate(new Date(atWib(day, 12).getTime() + days * DAY));

/**
 * The parts of the demo that the reports and cases do not make: groups, calendar, workshops and lessons,
 * consistent with them (the perguruan named in the silat reports, the 1 Suro of the season, the demo's users,
 * the closed cases the lessons were learned from).
 */
export function generateDemoExtras(
  plan: DemoPlan,
  regions: DemoRegions,
  options: { seed: string; now: Date },
): DemoExtras {
  const rng = makeTools(createRandom(`${options.seed}:extras`));
  const { now } = options;
  const today = wibDate(now);
  const byUsername = new Map(plan.users.map((u) => [u.username, u]));
  const koord = byUsername.get('koord.v')!;
  const prov = byUsername.get('prov.jatim')!;
  const operators = plan.users.filter((u) => u.role === 'operator');
  const operatorOf = (kabkota: string) => operators.find((u) => u.kabkotaCode === kabkota) ?? operators[0];
  const kecamatanOf = (kabkota: string) => regions.kecamatan.filter((k) => k.parentCode === kabkota);

  // ── Groups: the perguruan the silat reports name, and two supporter groups ──
  const groups: DemoGroup[] = [
    ...PERGURUAN.map((name) => ({
      id: rng.uuid(),
      kind: 'perguruan_silat' as const,
      name: `Perguruan Silat ${name}`,
      shortName: name,
      nameKey: searchKey(`Perguruan Silat ${name}`),
      description: `Perguruan pencak silat dengan cabang di beberapa kab/kota Bakorwil ${DEMO_BAKORWIL}.`,
    })),
    ...['Laskar Tapal Kuda', 'Curva Timur'].map((name) => ({
      id: rng.uuid(),
      kind: 'suporter' as const,
      name: `Suporter ${name}`,
      shortName: name,
      nameKey: searchKey(`Suporter ${name}`),
      description: 'Kelompok suporter sepak bola; rombongan tandang melintasi beberapa kecamatan.',
    })),
  ];
  const silat = groups.filter((g) => g.kind === 'perguruan_silat');
  const branches: DemoBranch[] = [];
  for (const k of regions.kabkota) {
    const kecs = kecamatanOf(k.code);
    for (const g of silat.slice(0, 4)) {
      branches.push({
        id: rng.uuid(),
        groupId: g.id,
        level: 'cabang',
        regionCode: k.code,
        name: `Cabang ${k.name}`,
      });
      // Rivals share kecamatan: the first two perguruan have ranting in the same places.
      for (const kec of kecs.slice(0, 3)) {
        branches.push({
          id: rng.uuid(),
          groupId: g.id,
          level: 'ranting',
          regionCode: kec.code,
          name: `Ranting ${kec.name}`,
        });
      }
    }
  }
  const pair = (a: DemoGroup, b: DemoGroup) => (a.id < b.id ? [a.id, b.id] : [b.id, a.id]);
  const [rivalA, rivalB] = pair(silat[0], silat[1]);
  const [peaceA, peaceB] = pair(silat[2], silat[3]);
  const rivalries: DemoRivalry[] = [
    {
      groupA: rivalA,
      groupB: rivalB,
      intensity: 'tinggi',
      status: 'aktif',
      note: `Gesekan berulang antara ${silat[0].shortName} dan ${silat[1].shortName}, memuncak sekitar bulan Suro.`,
    },
    {
      groupA: peaceA,
      groupB: peaceB,
      intensity: 'sedang',
      status: 'mereda',
      note: `Mereda sejak kesepakatan damai ${silat[2].shortName} dan ${silat[3].shortName}.`,
    },
  ];

  // ── A peace agreement after a closed silat case ──
  const closedSilat = plan.cases.find(
    (c) => c.phase === 'selesai' && c.conflictType === 'antar_perguruan_silat',
  );
  const agreementKab = closedSilat?.kabkotaCode ?? '35.09';
  const signedOn = closedSilat?.closedAt ? wibDate(closedSilat.closedAt) : plusDays(today, -60);
  const agreements: DemoAgreement[] = [
    {
      id: rng.uuid(),
      title: `Kesepakatan damai ${silat[2].shortName} dan ${silat[3].shortName}`,
      regionCode: closedSilat?.regionCode ?? agreementKab,
      place: `Pendopo ${KABKOTA[agreementKab]?.short ?? 'kabupaten'}`,
      signedOn,
      body: AGREEMENT_TEXT(silat[2].shortName, silat[3].shortName),
      caseId: closedSilat?.id ?? null,
      parties: [silat[2].id, silat[3].id],
      createdBy: operatorOf(agreementKab).id,
      createdAt: atWib(signedOn, 15),
    },
  ];

  // ── Calendar: the pengesahan warga and convoys of bulan Suro, past and coming ──
  const events: DemoEvent[] = [];
  const suro = plan.seasons.suro;
  const nextSuro = plusDays(suro, 354);
  const checklistAll = (done: readonly ChecklistKey[], by: string, at: Date) =>
    Object.fromEntries(
      done.map((key) => [key, { isDone: true, note: '', by, at: toWibIso(at) }]),
    ) as DemoEvent['checklist'];
  const addEvent = (
    e: Omit<DemoEvent, 'id' | 'endsAt' | 'createdAt' | 'checklist' | 'review' | 'reviewedBy' | 'reviewedAt'>,
    hours: number,
    doneItems: number,
  ) => {
    const createdBy = e.createdBy;
    const createdAt = new Date(Math.min(now.getTime() - HOUR, e.startsAt.getTime() - 14 * DAY));
    const past = e.startsAt.getTime() + hours * HOUR < now.getTime();
    events.push({
      ...e,
      id: rng.uuid(),
      endsAt: new Date(e.startsAt.getTime() + hours * HOUR),
      createdAt,
      checklist: checklistAll(
        CHECKLIST_KEYS.slice(0, past ? CHECKLIST_KEYS.length : doneItems),
        createdBy,
        createdAt,
      ),
      status: past ? 'selesai' : 'terjadwal',
      review: past
        ? {
            summary: `${e.title} berlangsung tertib; pengawalan bersama Polres dan pengurus cabang.`,
            actualCrowd: Math.round(e.expectedCrowd * 0.9),
            hadIncident: false,
            incidentReportIds: [],
            lessons: 'Titik kumpul dan rute diumumkan sepekan sebelumnya; pengurus ikut mengawal rombongan.',
          }
        : null,
      reviewedBy: past ? createdBy : null,
      reviewedAt: past ? new Date(e.startsAt.getTime() + (hours + 20) * HOUR) : null,
    });
  };
  for (const [index, k] of regions.kabkota.slice(0, 4).entries()) {
    const kecs = kecamatanOf(k.code);
    if (kecs.length < 3) continue;
    const g = silat[index % 2];
    const op = operatorOf(k.code);
    for (const [day, status] of [
      [plusDays(suro, 7 + index), 'lalu'],
      [plusDays(nextSuro, 7 + index), 'datang'],
    ] as const) {
      addEvent(
        {
          kind: 'pengesahan_warga',
          title: `Pengesahan warga baru ${g.shortName} ${k.name}`,
          description: `Pengesahan warga baru bulan Suro${status === 'datang' ? ' (rencana)' : ''}; rombongan dari ranting-ranting menuju tempat acara.`,
          startsAt: atWib(day, 19),
          regionCode: kecs[0].code,
          routeRegionCodes: kecs.slice(1, 3).map((c) => c.code),
          expectedCrowd: 800 + index * 300,
          status: 'terjadwal',
          groupIds: [g.id],
          createdBy: op.id,
        },
        6,
        3,
      );
    }
    addEvent(
      {
        kind: 'konvoi',
        title: `Konvoi malam 1 Suro ${g.shortName} ${k.name}`,
        description: 'Konvoi sepeda motor anggota menuju makam pendiri pada malam 1 Suro.',
        startsAt: atWib(plusDays(suro, -1), 20),
        regionCode: kecs[1].code,
        routeRegionCodes: [kecs[0].code, kecs[2].code],
        expectedCrowd: 400 + index * 100,
        status: 'terjadwal',
        groupIds: [g.id],
        createdBy: op.id,
      },
      5,
      0,
    );
  }
  // Something in the coming days too, so the levels and the calendar have a near event.
  const soon = plusDays(today, 5);
  const jember = regions.kabkota.find((k) => k.code === '35.09') ?? regions.kabkota[0];
  const jemberKecs = kecamatanOf(jember.code);
  addEvent(
    {
      kind: 'pertandingan',
      title: 'Laga kandang tim Jember: suporter tamu datang',
      description: 'Pertandingan liga; rombongan Suporter Curva Timur diperkirakan melintasi jalur utara.',
      startsAt: atWib(soon, 15),
      regionCode: jemberKecs[0].code,
      routeRegionCodes: jemberKecs.slice(1, 4).map((c) => c.code),
      expectedCrowd: 6000,
      status: 'terjadwal',
      groupIds: groups.filter((g) => g.kind === 'suporter').map((g) => g.id),
      createdBy: operatorOf(jember.code).id,
    },
    4,
    4,
  );

  // ── A workshop per Bakorwil quarter: the past four held, this one planned ──
  const workshops: DemoWorkshop[] = [];
  const current = quarterOf(now);
  const quarters = [current];
  for (let i = 0; i < 4; i++) quarters.unshift(quarterOfDate(plusDays(quarters[0].from, -1)));
  const attendees = [koord, ...operators.filter((u) => !u.username.endsWith('.2'))];
  for (const [index, q] of quarters.entries()) {
    const isCurrent = index === quarters.length - 1;
    const previous = quarterOfDate(plusDays(q.from, -1));
    const day = isCurrent ? plusDays(today, 12) : plusDays(q.from, 40 + rng.int(0, 30));
    const startsAt = atWib(day, 9);
    const held = startsAt.getTime() < now.getTime();
    const topic = WORKSHOP_TOPICS[index % WORKSHOP_TOPICS.length];
    const kab = regions.kabkota[index % regions.kabkota.length];
    const createdAt = new Date(Math.min(now.getTime() - HOUR, startsAt.getTime() - 21 * DAY));
    const actions: DemoWorkshop['actions'] = held
      ? ACTION_TEXTS.slice(0, 3).map((text, i) => {
          const owner = attendees[(index + i) % attendees.length];
          const dueOn = plusDays(day, 30 + i * 15);
          const done = atWib(dueOn, 10).getTime() < now.getTime() - 7 * DAY && i !== 2;
          return {
            description: text(kab.name),
            ownerUserId: owner.id,
            ownerName: owner.displayName,
            dueOn,
            status: done ? 'selesai' : 'terbuka',
            doneNote: done ? 'Sudah dilaksanakan; laporan singkat dibahas di rapat berikutnya.' : null,
            doneAt: done ? atWib(plusDays(dueOn, -3), 14) : null,
          };
        })
      : [];
    workshops.push({
      id: rng.uuid(),
      topic: `${topic} (${q.from.slice(0, 4)} triwulan ${Math.floor(Number(q.from.slice(5, 7)) / 3) + 1})`,
      startsAt,
      place: `Aula Bakorwil ${DEMO_BAKORWIL}, ${kab.name}`,
      bakorwilId: DEMO_BAKORWIL,
      facilitators: [koord.displayName, 'Bidang Perlindungan Sosial Dinsos Jatim'],
      status: held ? 'terlaksana' : 'direncanakan',
      notes: held ? 'Rapat membahas evaluasi triwulan lalu dan menyepakati tindak lanjut.' : '',
      evaluation: { scope: DEMO_BAKORWIL, from: previous.from, to: previous.to },
      createdBy: koord.id,
      createdAt,
      participants: [...attendees, prov].map((u, i) => ({
        userId: u.id,
        attendance: held ? (i % 7 === 6 ? 'tidak_hadir' : 'hadir') : 'diundang',
      })),
      actions,
    });
  }

  // ── A dozen published lessons, each from a closed case of its kind where there is one ──
  const closed = plan.cases.filter((c) => c.phase === 'selesai' && c.closedAt);
  const used = new Set<string>();
  const lessons: DemoLesson[] = LESSONS.map((text, index) => {
    const from: DemoCase | undefined = closed.find(
      (c) => c.conflictType === text.conflictType && !used.has(c.id),
    );
    if (from) used.add(from.id);
    const kabkota = from?.kabkotaCode ?? regions.kabkota[index % regions.kabkota.length].code;
    const author = operatorOf(kabkota);
    const base = from?.closedAt ?? new Date(now.getTime() - (300 - index * 20) * DAY);
    const createdAt = new Date(Math.min(base.getTime() + 3 * DAY, now.getTime() - 3 * DAY));
    return {
      id: rng.uuid(),
      ...text,
      regionCode: from?.regionCode ?? kabkota,
      kabkotaCode: kabkota,
      authorId: author.id,
      publishedBy: koord.id,
      createdAt,
      publishedAt: new Date(Math.min(createdAt.getTime() + 2 * DAY, now.getTime() - HOUR)),
      caseIds: from ? [from.id] : [],
    };
  });

  return { groups, branches, rivalries, agreements, events, workshops, lessons };
}

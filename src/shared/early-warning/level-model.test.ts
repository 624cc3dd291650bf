import { describe, expect, it } from 'vitest';
import { CAP_BY_LEVEL, canAcknowledgeAlert, maskName, maskPhone } from './alert-rules.ts';
import {
  activityScore,
  activityText,
  addRecent,
  baseline,
  type CalendarInput,
  combineKabkota,
  computeLevel,
  DEFAULT_SETTINGS,
  decay,
  EarlyWarningSettings,
  effectiveDays,
  eventPoints,
  type Level,
  NO_ACTIVITY,
  nextLevel,
  type RegionInput,
  reportWeight,
} from './level-model.ts';

const s = DEFAULT_SETTINGS;
const sinyal = { kind: 'sinyal', isVerified: false, isProvocation: false, harm: 0 } as const;

describe('report weights', () => {
  it.each([
    [{ kind: 'sinyal', isVerified: true, isProvocation: false, harm: 0 }, 1],
    [{ kind: 'sinyal', isVerified: true, isProvocation: true, harm: 0 }, 1.5],
    [{ kind: 'sinyal', isVerified: false, isProvocation: false, harm: 0 }, 0.7],
    [{ kind: 'kejadian', isVerified: true, isProvocation: false, harm: 0 }, 2],
    [{ kind: 'kejadian', isVerified: true, isProvocation: false, harm: 1 }, 3],
    [{ kind: 'kejadian', isVerified: true, isProvocation: false, harm: 2 }, 5],
    [{ kind: 'kejadian', isVerified: false, isProvocation: false, harm: 2 }, 3.5],
  ] as const)('%o weighs %d', (c, weight) => {
    expect(reportWeight(c)).toBeCloseTo(weight, 10);
  });

  it.each([
    [0, 1],
    [7, 0.5],
    [14, 0.25],
  ])('a report %i days old counts %d', (age, weight) => {
    expect(decay(age, 7)).toBeCloseTo(weight, 10);
  });

  it('adds a steady stream of one report a day to the decayed length of the window', () => {
    let recent = NO_ACTIVITY;
    for (let age = 0; age < 14; age++) recent = addRecent(recent, { ...sinyal, isVerified: true }, age, 1, s);
    expect(recent.weighted).toBeCloseTo(effectiveDays(14, 7), 10);
    expect(recent).toMatchObject({ sinyal: 14, kejadian: 0, spanDays: 14 });
  });
});

describe('the baseline', () => {
  const window = effectiveDays(s.windowDays, s.halfLifeDays);

  it('is the region’s own rate when it has a long history', () => {
    const usual = baseline({ weighted: 365, days: 365, priorPerDay: 0 }, s);
    expect(usual / window).toBeCloseTo(365 / (365 + s.smoothingDays), 5);
  });

  it('leans on the parent’s rate when history is short', () => {
    const usual = baseline({ weighted: 0, days: 10, priorPerDay: 0.5 }, s);
    expect(usual / window).toBeCloseTo((s.smoothingDays * 0.5) / (10 + s.smoothingDays), 5);
  });

  it('never falls below the floor, so a region that never reported is not infinitely quiet', () => {
    expect(baseline({ weighted: 0, days: 365, priorPerDay: 0 }, s)).toBeCloseTo(s.floorPerDay * window, 10);
  });
});

describe('the activity score', () => {
  it.each([
    // recent, usual, score
    [0, 0.16, 0],
    [1, 0.16, 0.78],
    [3, 0.16, 2.64],
    [3, 3, 0],
    [10, 3, 3.5],
  ])('recent %d over usual %d scores %d', (recent, usual, expected) => {
    expect(activityScore(recent, usual)).toBeCloseTo(expected, 2);
  });
});

describe('levels with hysteresis', () => {
  it.each<[Level | undefined, number, Level]>([
    [undefined, 0, 'normal'],
    [undefined, 1.49, 'normal'],
    [undefined, 1.5, 'waspada'],
    [undefined, 3.2, 'siaga'],
    [undefined, 5, 'awas'],
    ['normal', 1.2, 'normal'],
    ['waspada', 1.2, 'waspada'], // above the fall threshold (1.0): it holds
    ['waspada', 0.9, 'normal'],
    ['siaga', 2.5, 'siaga'], // below siaga's rise (3) but above its fall (2.25)
    ['siaga', 2, 'waspada'],
    ['siaga', 0.5, 'normal'],
    ['awas', 4.5, 'awas'],
    ['awas', 3.9, 'siaga'],
    ['waspada', 3.1, 'siaga'],
    ['normal', 6, 'awas'],
  ])('from %s, score %d gives %s', (previous, score, level) => {
    expect(nextLevel(previous, score, s)).toBe(level);
  });
});

const quiet: RegionInput = {
  noun: { id: 'kecamatan', en: 'kecamatan' },
  recent: NO_ACTIVITY,
  history: { weighted: 0, days: 365, priorPerDay: 0 },
  calendar: [],
  rivalries: [],
};

function withSignals(input: RegionInput, ages: number[], provocation = 0): RegionInput {
  let recent = NO_ACTIVITY;
  ages.forEach((age, i) => {
    recent = addRecent(recent, { ...sinyal, isProvocation: i < provocation }, age, 1, s);
  });
  return { ...input, recent };
}

describe('one region', () => {
  it('keeps a quiet kecamatan Normal on one stray signal', () => {
    expect(computeLevel(withSignals(quiet, [0], 1), 'normal', s).level).toBe('normal');
  });

  it('raises a quiet kecamatan on three signals in five days, and says why', () => {
    const result = computeLevel(withSignals(quiet, [0, 2, 4], 1), 'normal', s);
    expect(result.level).toBe('waspada');
    expect(result.factors[0]).toMatchObject({ code: 'aktivitas' });
    expect(result.factors[0].text).toMatch(/^3 sinyal \(1 provokasi\) dalam 5 hari, \d+× di atas biasanya$/);
    expect(result.factors[0].textEn).toMatch(/^3 signals \(1 provocation\) in 5 days, \d+× above usual$/);
  });

  it('keeps a noisy kecamatan Normal on the same three signals', () => {
    const noisy = { ...quiet, history: { weighted: 70, days: 350, priorPerDay: 0 } };
    const result = computeLevel(withSignals(noisy, [0, 2, 4], 1), 'normal', s);
    expect(result.level).toBe('normal');
    expect(result.factors[0].text).toBe('3 sinyal (1 provokasi) dalam 5 hari, 1,7× di atas biasanya');
  });

  const convoy: CalendarInput = {
    kind: 'pengesahan_warga',
    title: 'Pengesahan warga PSHT',
    titleEn: 'PSHT initiation',
    startDay: '2026-07-12',
    daysAway: 5,
    relation: 'route',
    expectedCrowd: null,
    rivalsPresent: ['Pagar Nusa'],
  };

  it('adds a convoy passing through and a rival present: Siaga, with the event in the factors', () => {
    const input = { ...withSignals(quiet, [0, 2, 4], 1), calendar: [convoy] };
    const result = computeLevel(input, 'normal', s);
    expect(result.level).toBe('siaga');
    expect(result.factors.map((f) => f.text)).toContain(
      'Pengesahan warga PSHT 12 Juli melewati kecamatan ini; rival Pagar Nusa hadir di sini',
    );
  });

  it('never makes Waspada from a standing rivalry alone, nor Siaga from the calendar alone', () => {
    const rivalries = [
      { groupA: 'PSHT', groupB: 'Pagar Nusa', intensity: 'tinggi' as const },
      { groupA: 'PSHT', groupB: 'IKSPI Kera Sakti', intensity: 'tinggi' as const },
    ];
    expect(computeLevel({ ...quiet, rivalries }, 'normal', s).level).toBe('normal');
    const crowded = { ...convoy, expectedCrowd: 10_000, daysAway: 0 };
    expect(computeLevel({ ...quiet, calendar: [crowded, crowded, crowded] }, 'normal', s).level).toBe(
      'waspada',
    );
  });

  it('counts only the strongest of the overlapping recurring dates', () => {
    const season = (kind: CalendarInput['kind']): CalendarInput => ({
      ...convoy,
      kind,
      relation: 'season',
      rivalsPresent: [],
      daysAway: 0,
      title: kind,
    });
    const result = computeLevel(
      { ...quiet, calendar: [season('malam_satu_suro'), season('satu_suro'), season('bulan_suro')] },
      'normal',
      s,
    );
    expect(result.score).toBe(0.5);
    expect(result.factors).toHaveLength(1);
  });

  it.each([
    [0, 1.5],
    [7, 1.5],
    [8, 0.75],
    [14, 0.75],
    [15, 0],
  ])('an event %i days away counts %d', (daysAway, points) => {
    expect(eventPoints({ ...convoy, daysAway }, s.lookaheadDays)).toBe(points);
  });

  it('writes the activity text in both languages', () => {
    const text = activityText({ weighted: 3, sinyal: 0, provocation: 0, kejadian: 1, spanDays: 1 }, 0.2);
    expect(text).toEqual({
      text: '1 kejadian dalam 1 hari, 15× di atas biasanya',
      textEn: '1 incident in 1 day, 15× above usual',
    });
  });
});

describe('spreading provocative content', () => {
  it('adds half a point per item: three items raise a quiet kecamatan to Waspada, and the text says where', () => {
    const content = { items: 3, groups: ['PSHT', 'Pagar Nusa'], place: 'Kec. Tanggul' };
    const result = computeLevel({ ...quiet, content }, 'normal', s);
    expect(result).toMatchObject({ level: 'waspada', score: 1.5 });
    expect(result.factors).toEqual([
      {
        code: 'konten_provokatif',
        text: '3 konten provokatif beredar di Kec. Tanggul dalam 48 jam, menyebut PSHT, Pagar Nusa',
        textEn: '3 provocative items spreading in Kec. Tanggul within 48 hours, naming PSHT, Pagar Nusa',
        points: 1.5,
      },
    ]);
  });

  it('never makes Siaga on content alone, and adds nothing without items', () => {
    expect(computeLevel({ ...quiet, content: { items: 12, groups: [] } }, 'normal', s)).toMatchObject({
      level: 'waspada',
      score: 2,
    });
    expect(computeLevel({ ...quiet, content: { items: 0, groups: [] } }, 'normal', s).factors).toEqual([]);
  });

  it('adds to the other factors: two signals and two items make Waspada where either alone would not', () => {
    const signals = withSignals(quiet, [0, 3], 1);
    expect(computeLevel(signals, 'normal', s).level).toBe('normal');
    const both = computeLevel({ ...signals, content: { items: 2, groups: [] } }, 'normal', s);
    expect(both.level).toBe('waspada');
    expect(both.factors.map((f) => f.code).sort()).toEqual(['aktivitas', 'konten_provokatif']);
  });
});

describe('a kab/kota', () => {
  const own = { level: 'normal' as const, score: 0.4, factors: [] };

  it('carries its highest kecamatan’s level, naming it', () => {
    const result = combineKabkota(own, [
      { name: 'Kencong', level: 'normal', score: 0.5 },
      { name: 'Tanggul', level: 'siaga', score: 3.4 },
    ]);
    expect(result).toMatchObject({ level: 'siaga', score: 3.4 });
    expect(result.factors[0].text).toBe('tertinggi: Kecamatan Tanggul (Siaga)');
  });

  it('keeps its own level when that is higher', () => {
    const high = { level: 'waspada' as const, score: 1.8, factors: [] };
    expect(combineKabkota(high, [{ name: 'Kencong', level: 'normal', score: 0.5 }])).toBe(high);
  });
});

describe('settings', () => {
  it('refuses fall thresholds at or above the rise thresholds', () => {
    const result = EarlyWarningSettings.safeParse({ fall: { waspada: 1.5, siaga: 2, awas: 4 } });
    expect(result.success).toBe(false);
  });

  it('fills what is left out with the defaults', () => {
    expect(EarlyWarningSettings.parse({ windowDays: 7 })).toMatchObject({ windowDays: 7, rise: s.rise });
  });
});

describe('alert rules', () => {
  it.each([
    ['waspada', 'Future', 'Moderate', 'Possible'],
    ['siaga', 'Expected', 'Severe', 'Likely'],
    ['awas', 'Immediate', 'Extreme', 'Likely'],
  ] as const)('maps %s to CAP %s / %s / %s', (level, urgency, severity, certainty) => {
    expect(CAP_BY_LEVEL[level]).toMatchObject({ urgency, severity, certainty });
  });

  it.each([
    ['operator', 'kabkota', true],
    ['koordinator', 'kabkota', false],
    ['koordinator', 'bakorwil', true],
    ['provinsi', 'bakorwil', false],
    ['provinsi', 'provinsi', true],
    ['relawan', 'provinsi', false],
  ] as const)('%s may acknowledge at %s: %s', (role, level, allowed) => {
    expect(canAcknowledgeAlert(role, level)).toBe(allowed);
  });

  it('masks contact persons', () => {
    expect(maskName('Ahmad Fauzi')).toBe('A**** F****');
    expect(maskPhone('+6281234567890')).toBe('+62********890');
  });
});

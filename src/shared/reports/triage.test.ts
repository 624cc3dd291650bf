import { describe, expect, it } from 'vitest';
import { describeReason, type TriageFacts, triage } from './triage.ts';

const calm: TriageFacts = {
  kind: 'sinyal',
  triggers: [],
  violenceOngoing: false,
  injured: 0,
  dead: 0,
  displaced: 0,
  housesDamaged: 0,
  vulnerable: {},
};

describe('the priority table, row by row', () => {
  it.each([
    [
      'a vulnerable person harmed',
      { vulnerable: { anak: { harmed: 3, displaced: 0, atRisk: 0 } } },
      'P1',
      ['vulnerable_harmed:anak'],
    ],
    [
      'a vulnerable person displaced',
      { vulnerable: { lansia: { harmed: 0, displaced: 1, atRisk: 0 } } },
      'P1',
      ['vulnerable_displaced:lansia'],
    ],
    ['anyone dead', { kind: 'kejadian', dead: 1 }, 'P1', ['dead']],
    ['violence still going on', { violenceOngoing: true }, 'P1', ['violence_ongoing']],
    [
      'vulnerable people at risk',
      { vulnerable: { disabilitas: { harmed: 0, displaced: 0, atRisk: 1 } } },
      'P2',
      ['vulnerable_at_risk:disabilitas'],
    ],
    ['anyone injured', { kind: 'kejadian', injured: 2 }, 'P2', ['injured']],
    ['people displaced', { kind: 'kejadian', displaced: 12 }, 'P2', ['displaced']],
    ['an incident without casualties', { kind: 'kejadian' }, 'P3', ['incident']],
    ['houses damaged', { kind: 'kejadian', housesDamaged: 2 }, 'P3', ['incident', 'houses_damaged']],
    ['provocation spreading', { triggers: ['informasi_provokatif'] }, 'P3', ['provocation']],
    ['a low signal', {}, 'P4', ['signal']],
  ] as const)('%s → %s', (_name, facts, priority, reasons) => {
    expect(triage({ ...calm, ...(facts as Partial<TriageFacts>) })).toEqual({ priority, reasons });
  });

  it('lists every reason of the highest priority: the scenario of children hurt and a disabled woman trapped', () => {
    const result = triage({
      ...calm,
      kind: 'kejadian',
      injured: 2,
      housesDamaged: 2,
      vulnerable: {
        anak: { harmed: 3, displaced: 0, atRisk: 0 },
        disabilitas: { harmed: 1, displaced: 0, atRisk: 0 },
      },
    });
    expect(result.priority).toBe('P1');
    expect(result.reasons.map((r) => describeReason(r))).toEqual([
      'anak terluka',
      'penyandang disabilitas terluka',
    ]);
  });

  it('counts a group with zeros as absent', () => {
    expect(triage({ ...calm, vulnerable: { anak: { harmed: 0, displaced: 0, atRisk: 0 } } }).priority).toBe(
      'P4',
    );
  });

  it('explains reasons in English too', () => {
    expect(describeReason('vulnerable_at_risk:lansia', 'en')).toBe('elderly people at risk');
  });
});

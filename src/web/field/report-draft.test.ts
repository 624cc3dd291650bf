import { describe, expect, it } from 'vitest';
import { describeReason, triage } from '../../shared/reports/triage.ts';
import { wibInputToIso } from '../../shared/time.ts';
import {
  emptyDraft,
  findDraftProblems,
  nowInWib,
  type ReportDraft,
  toReportInput,
  triageFactsOf,
} from './report-draft.ts';

const tanggulwetan = {
  code: '35.09.06.2002',
  name: 'Tanggulwetan',
  level: 'desa' as const,
  parentCode: '35.09.06',
  key: 'tanggulwetan',
};
const now = new Date('2026-07-11T14:30:00Z'); // 21:30 WIB

function filled(patch: Partial<ReportDraft> = {}): ReportDraft {
  return {
    ...emptyDraft(now),
    kind: 'sinyal',
    conflictType: 'antar_perguruan_silat',
    triggers: ['informasi_provokatif'],
    place: tanggulwetan,
    description: 'Broadcast WA mengajak balas dendam di balai desa',
    ...patch,
  };
}

describe('the report draft', () => {
  it('starts at the current minute in WIB, whatever the time zone of the phone', () => {
    expect(nowInWib(now)).toBe('2026-07-11T21:30');
    expect(emptyDraft(now).occurredAt).toBe('2026-07-11T21:30');
  });

  it('reads the time field as WIB', () => {
    expect(wibInputToIso('2026-07-11T21:30')).toBe('2026-07-11T21:30:00+07:00');
    expect(wibInputToIso('2026-07-11T21:30:15')).toBe('2026-07-11T21:30:15+07:00');
    expect(wibInputToIso('')).toBeUndefined();
    expect(wibInputToIso('kemarin')).toBeUndefined();
  });

  it('names every missing required field, in the order of the form', () => {
    expect(findDraftProblems(emptyDraft(now), now).map((problem) => problem.field)).toEqual([
      'kind',
      'conflictType',
      'place',
      'description',
    ]);
    expect(findDraftProblems(filled(), now)).toEqual([]);
  });

  it('refuses a time in the future, with a few minutes of slack for drifting phone clocks', () => {
    expect(findDraftProblems(filled({ occurredAt: '2026-07-11T21:34' }), now)).toEqual([]);
    expect(findDraftProblems(filled({ occurredAt: '2026-07-11T22:30' }), now).map((p) => p.field)).toEqual([
      'occurredAt',
    ]);
  });

  it('becomes the API body, without the vulnerable grid when the box is not ticked', () => {
    const grid = emptyDraft(now).vulnerable;
    const draft = filled({ vulnerable: { ...grid, anak: { harmed: 3, displaced: 0, atRisk: 0 } } });
    const body = toReportInput(draft, 'c0a80101-0000-4000-8000-000000000001');
    expect(body).toMatchObject({
      id: 'c0a80101-0000-4000-8000-000000000001',
      regionCode: '35.09.06.2002',
      occurredAt: '2026-07-11T21:30:00+07:00',
      vulnerable: {},
      channel: 'web',
    });
    expect(body).not.toHaveProperty('latitude');
    const ticked = toReportInput({ ...draft, hasVulnerable: true }, 'c0a80101-0000-4000-8000-000000000001');
    expect(ticked.vulnerable).toEqual({ anak: { harmed: 3, displaced: 0, atRisk: 0 } });
  });

  it('gives the shared triage what it needs: children hurt make it P1, "anak terluka"', () => {
    const grid = emptyDraft(now).vulnerable;
    const draft = filled({
      kind: 'kejadian',
      hasVulnerable: true,
      vulnerable: { ...grid, anak: { harmed: 3, displaced: 0, atRisk: 0 } },
    });
    const { priority, reasons } = triage(triageFactsOf(draft));
    expect(priority).toBe('P1');
    expect(reasons.map((reason) => describeReason(reason, 'id'))).toEqual(['anak terluka']);
    expect(triage(triageFactsOf(filled())).priority).toBe('P3'); // a provocation sinyal
  });
});

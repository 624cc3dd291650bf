import { describe, expect, it } from 'vitest';
import { evaluateItems, maskAccount, nextCounterStatus, responseDueAt } from './provocation-rules.ts';
import { hammingDistance, normaliseText } from './text-match.ts';

const at = (iso: string) => new Date(iso);

describe('provocation rules', () => {
  it('gives a threat 6 hours, halved when a group in an active rivalry is named or an event is near', () => {
    const now = at('2026-07-01T00:00:00Z');
    const quiet = { activeRivalry: false, eventNear: false };
    expect(responseDueAt(now, 'ancaman', quiet)?.toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(responseDueAt(now, 'hoaks', quiet)?.toISOString()).toBe('2026-07-02T00:00:00.000Z');
    expect(responseDueAt(now, 'provokasi', { activeRivalry: true, eventNear: false })?.toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    );
    expect(responseDueAt(now, 'provokasi', { activeRivalry: true, eventNear: true })?.toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    );
    expect(responseDueAt(now, 'bukan_masalah', quiet)).toBeNull();
  });

  it('reviews a counter-message: submitted, then approved or returned, then posted', () => {
    expect(nextCounterStatus('draf', 'submit')).toBe('diajukan');
    expect(nextCounterStatus('diajukan', 'approve')).toBe('disetujui');
    expect(nextCounterStatus('diajukan', 'return')).toBe('dikembalikan');
    expect(nextCounterStatus('dikembalikan', 'submit')).toBe('diajukan');
    expect(nextCounterStatus('disetujui', 'post')).toBe('dipublikasikan');
    expect(nextCounterStatus('draf', 'approve')).toBeUndefined();
    expect(nextCounterStatus('draf', 'post')).toBeUndefined();
  });

  it('masks an account to its first and last character', () => {
    expect(maskAccount('@pendekar_tanggul')).toBe('@•••l');
    expect(maskAccount('ab')).toBe('•••');
  });

  it('removes forward headers, emoji and spacing before texts are compared', () => {
    const a = normaliseText('Diteruskan\n🔥🔥 AWAS!!! Malam ini   desa Tanggul akan diserang 🔥');
    const b = normaliseText('[Forwarded many times]\nawas malam ini desa tanggul akan diserang');
    expect(a).toBe(b);
  });

  it('counts differing bits of two image hashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f1', '0000000000000000')).toBe(5);
  });

  it('computes the evaluation figures of a hand-made set', () => {
    const figures = evaluateItems([
      // answered by a counter-message 4 h after it was first seen, before an incident 10 h after
      {
        assessment: 'provokasi',
        platform: 'whatsapp',
        firstSeenAt: at('2026-07-01T00:00:00Z'),
        counterApprovedAt: at('2026-07-01T04:00:00Z'),
        takenDownAt: null,
        incidentAt: at('2026-07-01T10:00:00Z'),
      },
      // taken down 20 h after, but the incident came first (at 12 h)
      {
        assessment: 'hoaks',
        platform: 'facebook',
        firstSeenAt: at('2026-07-02T00:00:00Z'),
        counterApprovedAt: at('2026-07-02T08:00:00Z'),
        takenDownAt: at('2026-07-02T20:00:00Z'),
        incidentAt: at('2026-07-02T06:00:00Z'),
      },
      // never answered, no incident
      {
        assessment: 'hoaks',
        platform: 'whatsapp',
        firstSeenAt: at('2026-07-03T00:00:00Z'),
        counterApprovedAt: null,
        takenDownAt: null,
        incidentAt: null,
      },
    ]);
    expect(figures).toEqual({
      items: 3,
      byAssessment: { provokasi: 1, hoaks: 2 },
      byPlatform: { whatsapp: 2, facebook: 1 },
      medianHoursToCounter: 6,
      medianHoursToTakedown: 20,
      answeredBeforeIncident: 0.5,
      itemsWithIncident: 2,
    });
  });
});

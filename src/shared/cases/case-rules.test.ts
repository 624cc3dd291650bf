import { describe, expect, it } from 'vitest';
import type { Viewer } from '../visibility.ts';
import {
  type CasePhase,
  canMoveCase,
  isCaseHandler,
  nextLevel,
  nextPhases,
  refuseMove,
} from './case-rules.ts';

describe('case phases', () => {
  it.each([
    ['pencegahan', 'penghentian', true],
    ['pencegahan', 'pemulihan', true],
    ['penghentian', 'pemulihan', true],
    ['pemulihan', 'selesai', true],
    ['penghentian', 'pencegahan', false],
    ['pemulihan', 'penghentian', false],
    ['selesai', 'pemulihan', false],
    ['pencegahan', 'pencegahan', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveCase(from as CasePhase, to as CasePhase)).toBe(allowed);
  });

  it('needs an outcome summary to close', () => {
    expect(refuseMove('pemulihan', 'selesai', undefined)).toMatch(/ringkasan/);
    expect(refuseMove('pemulihan', 'selesai', 'Damai, rumah diperbaiki')).toBeUndefined();
  });

  it('offers no move from a closed case', () => {
    expect(nextPhases('selesai')).toEqual([]);
  });

  it('escalates kab/kota → Bakorwil → province, and no further', () => {
    expect(nextLevel('kabkota')).toBe('bakorwil');
    expect(nextLevel('bakorwil')).toBe('provinsi');
    expect(nextLevel('provinsi')).toBeUndefined();
  });
});

describe('handlers of a case', () => {
  const jemberCase = {
    kabkotaCode: '35.09',
    handlingLevel: 'kabkota' as const,
    sharedWith: [],
    assigneeIds: ['p1'],
  };
  const viewer = (role: string, scope: string[], userId = 'x'): Viewer => ({
    userId,
    role,
    scope,
    agencyId: null,
  });

  it('are the operators of its kab/kota and the assigned people', () => {
    expect(isCaseHandler(viewer('operator', ['35.09']), jemberCase)).toBe(true);
    expect(isCaseHandler(viewer('operator', ['35.10']), jemberCase)).toBe(false);
    expect(isCaseHandler(viewer('relawan', [], 'p1'), jemberCase)).toBe(true);
  });

  it('include operators of a kab/kota it is shared with', () => {
    expect(isCaseHandler(viewer('operator', ['35.08']), { ...jemberCase, sharedWith: ['35.08'] })).toBe(true);
  });

  it('include the koordinator only once escalated, and the province only at province level', () => {
    const koord = viewer('koordinator', ['35.08', '35.09']);
    expect(isCaseHandler(koord, jemberCase)).toBe(false);
    expect(isCaseHandler(koord, { ...jemberCase, handlingLevel: 'bakorwil' })).toBe(true);
    expect(isCaseHandler(viewer('provinsi', ['35']), { ...jemberCase, handlingLevel: 'bakorwil' })).toBe(
      false,
    );
    expect(isCaseHandler(viewer('provinsi', ['35']), { ...jemberCase, handlingLevel: 'provinsi' })).toBe(
      true,
    );
  });
});

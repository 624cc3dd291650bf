import { describe, expect, it } from 'vitest';
import { canSee, type Viewer } from './visibility.ts';

const operatorJember: Viewer = { userId: 'u1', role: 'operator', scope: ['35.09'], agencyId: null };
const koordinatorV: Viewer = {
  userId: 'u2',
  role: 'koordinator',
  scope: ['35.08', '35.09', '35.10'],
  agencyId: null,
};
const relawan: Viewer = { userId: 'u3', role: 'relawan', scope: [], agencyId: null };
const polres: Viewer = { userId: 'u4', role: 'mitra', scope: [], agencyId: 'polres-jember' };

describe('who sees what', () => {
  it('shows a record to the operators of its region and the region above, not to a neighbour', () => {
    const report = { regionCode: '35.09.06.2002' };
    expect(canSee(operatorJember, report)).toBe(true);
    expect(canSee(koordinatorV, report)).toBe(true);
    expect(canSee({ ...operatorJember, scope: ['35.10'] }, report)).toBe(false);
    expect(canSee({ ...operatorJember, scope: ['35.0'] }, report)).toBe(false); // prefixes are whole codes
  });

  it('shows a relawan only what they made or were assigned, whatever their home area', () => {
    expect(canSee(relawan, { regionCode: '35.10.01.2001', createdBy: 'u3' })).toBe(true);
    expect(canSee(relawan, { regionCode: '35.09.06.2002' })).toBe(false);
    expect(canSee(relawan, { regionCode: '35.09', grants: [{ kind: 'user', grantee: 'u3' }] })).toBe(true);
  });

  it('shows a partner agency only what is addressed to it', () => {
    expect(canSee(polres, { regionCode: '35.09' })).toBe(false);
    expect(
      canSee(polres, { regionCode: '35.09', grants: [{ kind: 'agency', grantee: 'polres-jember' }] }),
    ).toBe(true);
    expect(
      canSee(polres, { regionCode: '35.09', grants: [{ kind: 'agency', grantee: 'bpbd-jember' }] }),
    ).toBe(false);
  });

  it('shows a shared record to the operators of the region it is shared with', () => {
    const shared = { regionCode: '35.09.01', grants: [{ kind: 'region' as const, grantee: '35.10' }] };
    expect(canSee({ ...operatorJember, scope: ['35.10'] }, shared)).toBe(true);
    expect(canSee({ ...operatorJember, scope: ['35.11'] }, shared)).toBe(false);
  });
});

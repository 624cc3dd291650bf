import { describe, expect, it } from 'vitest';
import { ReferralService } from './case-schema.ts';
import {
  ageBand,
  canMoveReferral,
  isChild,
  isReferralOpen,
  maskName,
  maskNik,
  nextReferralStatuses,
  REFERRAL_SERVICES,
  refusePerson,
} from './people-rules.ts';

describe('masking personal data', () => {
  it('reduces a name to initials', () => {
    expect(maskName('Siti')).toBe('S***');
    expect(maskName('  siti   aminah ')).toBe('S*** A***');
  });

  it('keeps only the first and last four digits of a NIK', () => {
    expect(maskNik('3509015204500001')).toBe('************0001');
  });

  it('shows an age band instead of an age', () => {
    expect(ageBand({ group: 'anak', age: 9 })).toBe('anak');
    expect(ageBand({ group: 'disabilitas', age: 12 })).toBe('anak');
    expect(ageBand({ group: 'disabilitas', age: 40 })).toBe('dewasa');
    expect(ageBand({ group: 'disabilitas', age: 76 })).toBe('lansia');
    expect(ageBand({ group: 'lansia' })).toBe('lansia');
    expect(ageBand({ group: 'ibu_hamil' })).toBe('tidak_diketahui');
  });
});

describe("children's data", () => {
  it('treats the group anak and anyone under 18 as a child', () => {
    expect(isChild({ group: 'anak' })).toBe(true);
    expect(isChild({ group: 'ibu_hamil', age: 17 })).toBe(true);
    expect(isChild({ group: 'ibu_hamil', age: 18 })).toBe(false);
  });

  it("needs a parent's or guardian's consent", () => {
    expect(refusePerson({ group: 'anak', guardianConsent: false })).toMatch(/persetujuan/);
    expect(refusePerson({ group: 'disabilitas', age: 10, guardianConsent: false })).toMatch(/persetujuan/);
    expect(refusePerson({ group: 'anak', age: 10, guardianConsent: true })).toBeUndefined();
    expect(refusePerson({ group: 'lansia', age: 70, guardianConsent: false })).toBeUndefined();
  });

  it('refuses the group anak for an adult age', () => {
    expect(refusePerson({ group: 'anak', age: 30, guardianConsent: true })).toMatch(/di bawah 18/);
  });
});

describe('referrals', () => {
  it('move forward to done or cancelled, never back', () => {
    expect(canMoveReferral('dirujuk', 'diterima')).toBe(true);
    expect(canMoveReferral('diterima', 'selesai')).toBe(true);
    expect(canMoveReferral('dirujuk', 'batal')).toBe(true);
    expect(canMoveReferral('selesai', 'diterima')).toBe(false);
    expect(canMoveReferral('batal', 'selesai')).toBe(false);
  });

  it('offer the moves the rule allows, none once done or cancelled', () => {
    expect(nextReferralStatuses('dirujuk')).toEqual(['diterima', 'selesai', 'batal']);
    expect(nextReferralStatuses('selesai')).toEqual([]);
    expect(isReferralOpen('diterima')).toBe(true);
    expect(isReferralOpen('batal')).toBe(false);
  });

  it('offer exactly the services the API accepts', () => {
    expect([...REFERRAL_SERVICES]).toEqual(ReferralService.options);
  });
});

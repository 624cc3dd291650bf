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

  it.each([
    ['anak', 9, 'anak'],
    ['disabilitas', 12, 'anak'],
    ['disabilitas', 40, 'dewasa'],
    ['disabilitas', 76, 'lansia'],
    ['lansia', undefined, 'lansia'],
    ['ibu_hamil', undefined, 'tidak_diketahui'],
  ] as const)('shows an age band instead of an age: %s aged %s is %s', (group, age, band) => {
    expect(ageBand({ group, age })).toBe(band);
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
  it.each([
    ['dirujuk', 'diterima', true],
    ['diterima', 'selesai', true],
    ['dirujuk', 'batal', true],
    ['selesai', 'diterima', false],
    ['batal', 'selesai', false],
  ] as const)('move forward to done or cancelled, never back: %s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveReferral(from, to)).toBe(allowed);
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

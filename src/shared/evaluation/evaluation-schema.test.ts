import { describe, expect, it } from 'vitest';
import { DEFINITIONS, FIGURE_IDS } from './definitions.ts';
import {
  compareVulnerableFirst,
  formatMinutes,
  formatShare,
  shareOf,
  type TimingStat,
} from './evaluation-schema.ts';

const stat = (median: number | null, share: number | null): TimingStat => ({
  measured: 1,
  known: 1,
  within: 1,
  share,
  median,
  p90: median,
  deadline: null,
  link: '',
});

describe('the evaluation rules', () => {
  it('says vulnerable people came first only when their median is shorter, and nothing without data', () => {
    expect(compareVulnerableFirst(stat(15, 1), stat(80, 0.4)).isFaster).toBe(true);
    expect(compareVulnerableFirst(stat(80, 1), stat(80, 0.4)).isFaster).toBe(false);
    expect(compareVulnerableFirst(stat(null, null), stat(80, 0.4)).isFaster).toBeNull();
  });

  it('computes shares and writes times and shares for people', () => {
    expect(shareOf(4, 7)).toBeCloseTo(0.5714, 4);
    expect(shareOf(0, 0)).toBeNull();
    expect(formatMinutes(45)).toBe('45 mnt');
    expect(formatMinutes(350)).toBe('5 j 50 mnt');
    expect(formatMinutes(7200)).toBe('5 h');
    expect(formatMinutes(125, 'en')).toBe('2 h 5 min');
    expect(formatShare(4 / 7)).toBe('57,1%');
    expect(formatShare(null)).toBe('–');
  });

  it('defines every figure in Indonesian and English', () => {
    for (const id of FIGURE_IDS) {
      const d = DEFINITIONS[id];
      expect(d.text.id.length).toBeGreaterThan(20);
      expect(d.text.en.length).toBeGreaterThan(20);
    }
  });
});

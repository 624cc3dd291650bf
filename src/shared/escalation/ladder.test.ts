import { describe, expect, it } from 'vitest';
import { HANDLER_LABELS, handlesAtLevel, unacknowledgedReason } from './ladder.ts';

describe('the escalation ladder', () => {
  it("gives a record to the kab/kota's operators from the start and to the offices above as it reaches them", () => {
    const at = (level: 'kabkota' | 'bakorwil' | 'provinsi') =>
      ['operator', 'koordinator', 'provinsi', 'admin', 'relawan', 'mitra', 'ppdp'].filter((role) =>
        handlesAtLevel(role, level),
      );
    expect(at('kabkota')).toEqual(['operator']);
    expect(at('bakorwil')).toEqual(['operator', 'koordinator']);
    expect(at('provinsi')).toEqual(['operator', 'koordinator', 'provinsi']);
  });

  it('says in one sentence why a report or an alert climbed', () => {
    expect(unacknowledgedReason('kabkota', 30, 'P1')).toBe(
      'Belum diterima operator kab/kota dalam 30 menit (P1)',
    );
    expect(unacknowledgedReason('bakorwil', 120, 'Siaga')).toBe(
      `Belum diterima ${HANDLER_LABELS.bakorwil} dalam 2 jam (Siaga)`,
    );
  });
});

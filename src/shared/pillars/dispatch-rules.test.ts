import { describe, expect, it } from 'vitest';
import { type DispatchCandidate, neededSkills, rankCandidates } from './dispatch-rules.ts';

const jemberCase = {
  regionCode: '35.09.06.2002',
  kabkotaCode: '35.09',
  conflictType: 'antar_perguruan_silat',
  needs: ['kesehatan'],
  hasChildren: true,
};

const person = (name: string, home: string, skills: string[], open = 0): DispatchCandidate => ({
  pillarId: name,
  userId: `u-${name}`,
  name,
  pillarType: 'tagana',
  homeRegionCode: home,
  skills,
  openAssignments: open,
});

describe('dispatch ranking', () => {
  it('derives the skills a case needs from its type, needs and children', () => {
    expect(neededSkills(jemberCase)).toEqual(['mediasi', 'pertolongan_pertama', 'pendampingan_anak']);
  });

  it('orders by proximity, then matching skills, then fewer open assignments, with reasons', () => {
    const ranked = rankCandidates(jemberCase, [
      person('Lumajang', '35.08.01.2001', ['mediasi', 'pertolongan_pertama']),
      person('Kabupaten', '35.09.01.2001', ['mediasi']),
      person('Sibuk', '35.09.06.2001', ['mediasi'], 2),
      person('Kecamatan', '35.09.06.2003', ['mediasi']),
      person('Desa', '35.09.06.2002', []),
    ]);
    expect(ranked.map((s) => s.name)).toEqual(['Desa', 'Kecamatan', 'Sibuk', 'Kabupaten', 'Lumajang']);
    expect(ranked[1].reasons).toEqual([
      'tinggal di kecamatan kejadian',
      'keahlian sesuai: mediasi',
      'tidak sedang bertugas',
    ]);
    expect(ranked[2].reasons.at(-1)).toBe('2 tugas terbuka');
    expect(ranked[4]).toMatchObject({ rank: 5, proximity: 'tetangga' });
  });
});

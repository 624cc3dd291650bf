import { isWithin, kecamatanOf } from '../region-codes.ts';
/**
 * Dispatch suggestions for a case: which available pillars to send, in order, and why. Pure and zod-free so
 * the web can explain the order. Proximity first (same desa, kecamatan, kab/kota, then — for a case escalated
 * to the Bakorwil or shared across borders — the neighbouring kab/kota of the Bakorwil), then the skills the
 * case needs, then the fewest open assignments.
 */

/** What a candidate is, as ranking needs it. */
export type DispatchCandidate = {
  pillarId: string;
  userId: string;
  name: string;
  pillarType: string;
  homeRegionCode: string;
  skills: readonly string[];
  openAssignments: number;
};

/** What the case asks for. */
export type DispatchCase = {
  regionCode: string;
  kabkotaCode: string;
  conflictType: string;
  needs: readonly string[];
  hasChildren: boolean;
};

export type Proximity = 'desa' | 'kecamatan' | 'kabkota' | 'tetangga';

export type DispatchSuggestion = DispatchCandidate & {
  rank: number;
  proximity: Proximity;
  matchedSkills: string[];
  reasons: string[];
};

const CONFLICT_SKILLS: Record<string, string[]> = {
  antar_perguruan_silat: ['mediasi'],
  perguruan_silat_vs_warga: ['mediasi'],
  antar_suporter: ['mediasi'],
  pilkades_pemilu: ['mediasi'],
  sengketa_lahan_sda: ['mediasi', 'pendataan'],
  sara_agama: ['mediasi', 'psikososial'],
  antarwarga: ['mediasi'],
  batas_wilayah: ['mediasi', 'pendataan'],
  lainnya: ['pendataan'],
};

const NEED_SKILLS: Record<string, string[]> = {
  kesehatan: ['pertolongan_pertama'],
  evakuasi: ['evakuasi'],
  pangan: ['dapur_umum'],
  hunian_sementara: ['evakuasi'],
  psikososial: ['psikososial'],
  mediasi: ['mediasi'],
  air_bersih: ['dapur_umum'],
};

/** The skills a case needs, from its type, its needs, and children among the people affected. */
export function neededSkills(c: DispatchCase): string[] {
  const skills = new Set(CONFLICT_SKILLS[c.conflictType] ?? []);
  for (const need of c.needs) for (const skill of NEED_SKILLS[need] ?? []) skills.add(skill);
  if (c.hasChildren) skills.add('pendampingan_anak');
  return [...skills];
}

const PROXIMITY_ORDER: Record<Proximity, number> = { desa: 0, kecamatan: 1, kabkota: 2, tetangga: 3 };
const PROXIMITY_REASON: Record<Proximity, string> = {
  desa: 'tinggal di desa kejadian',
  kecamatan: 'tinggal di kecamatan kejadian',
  kabkota: 'tinggal di kab/kota kejadian',
  tetangga: 'dari kab/kota tetangga se-Bakorwil',
};

/** Where a candidate lives relative to the case. */
export function proximityOf(homeRegionCode: string, c: DispatchCase): Proximity {
  if (homeRegionCode === c.regionCode) return 'desa';
  const kecamatan = kecamatanOf(c.regionCode);
  if (kecamatan && isWithin(homeRegionCode, kecamatan)) return 'kecamatan';
  if (isWithin(homeRegionCode, c.kabkotaCode)) return 'kabkota';
  return 'tetangga';
}

/** Ranks candidates; each suggestion carries its reasons in Indonesian. */
export function rankCandidates(
  c: DispatchCase,
  candidates: readonly DispatchCandidate[],
): DispatchSuggestion[] {
  const needed = neededSkills(c);
  return candidates
    .map((candidate) => {
      const proximity = proximityOf(candidate.homeRegionCode, c);
      const matchedSkills = needed.filter((skill) => candidate.skills.includes(skill));
      const reasons = [PROXIMITY_REASON[proximity]];
      if (matchedSkills.length > 0) reasons.push(`keahlian sesuai: ${matchedSkills.join(', ')}`);
      reasons.push(
        candidate.openAssignments === 0
          ? 'tidak sedang bertugas'
          : `${candidate.openAssignments} tugas terbuka`,
      );
      return { ...candidate, rank: 0, proximity, matchedSkills, reasons };
    })
    .sort(
      (a, b) =>
        PROXIMITY_ORDER[a.proximity] - PROXIMITY_ORDER[b.proximity] ||
        b.matchedSkills.length - a.matchedSkills.length ||
        a.openAssignments - b.openAssignments ||
        a.name.localeCompare(b.name, 'id'),
    )
    .map((s, index) => ({ ...s, rank: index + 1 }));
}

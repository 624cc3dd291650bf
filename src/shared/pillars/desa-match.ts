import { spellingKey } from './pillar-identity.ts';

/** A desa or kelurahan that a written name may mean, with its kecamatan for telling namesakes apart. */
export type DesaCandidate = { code: string; name: string; kecamatanCode: string; kecamatanName: string };

export type DesaMatch =
  | { kind: 'found'; code: string; name: string; exact: boolean }
  | { kind: 'ambiguous'; codes: string[] }
  | { kind: 'unknown' };

const PREFIXES = /^(desa|ds|kelurahan|kel|kal|dusun|dsn)\b\.?\s*/i;
const KECAMATAN_PREFIXES = /^(kecamatan|kec|kc)\b\.?\s*/i;

/** The part of a written desa name that identifies it: 'Ds. Tanggul Wetan' and 'TANGGULWETAN' → 'tangulwetan'. */
export function desaKey(written: string): string {
  return spellingKey(written.trim().replace(PREFIXES, ''));
}

/** The same for a kecamatan: 'Kec. Muncar' → 'muncar'. */
export function kecamatanKey(written: string): string {
  return spellingKey(written.trim().replace(KECAMATAN_PREFIXES, ''));
}

/** Edits (insert, delete, change, swap of neighbours) between two keys, giving up above `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

/** How many typing slips a written name may carry and still match: none for short names. */
function allowedSlips(key: string): number {
  if (key.length >= 10) return 2;
  if (key.length >= 6) return 1;
  return 0;
}

/** A written code: '35.10.05.2009' or '3510052009'. */
function writtenCode(written: string): string | undefined {
  const compact = written.trim().replace(/[\s.]/g, '');
  if (!/^35\d{8}$/.test(compact)) return undefined;
  return `${compact.slice(0, 2)}.${compact.slice(2, 4)}.${compact.slice(4, 6)}.${compact.slice(6)}`;
}

type Indexed = DesaCandidate & { key: string; kecKey: string };

/** The desa of one kab/kota, keyed once, to match every row of a roster against. */
export type DesaIndex = {
  /**
   * Finds the desa a roster means. Accepts a code or a name in any case, spacing or old spelling, with or
   * without 'Ds.'/'Desa'/'Kel.'; the kecamatan, when given, settles namesakes. A name with a slip or two
   * matches only when exactly one desa is that close (exact: false, so the dry run can say how it was read).
   */
  match(written: string, kecamatan?: string): DesaMatch;
};

export function createDesaIndex(candidates: readonly DesaCandidate[]): DesaIndex {
  const indexed: Indexed[] = candidates.map((candidate) => ({
    ...candidate,
    key: spellingKey(candidate.name),
    kecKey: spellingKey(candidate.kecamatanName),
  }));
  const byKey = new Map<string, Indexed[]>();
  for (const candidate of indexed) byKey.set(candidate.key, [...(byKey.get(candidate.key) ?? []), candidate]);
  const byCode = new Map(indexed.map((candidate) => [candidate.code, candidate]));

  return {
    match(written, kecamatan) {
      const code = writtenCode(written);
      if (code) {
        const found = byCode.get(code);
        return found ? { kind: 'found', code, name: found.name, exact: true } : { kind: 'unknown' };
      }
      const key = desaKey(written);
      if (!key) return { kind: 'unknown' };
      const kecKey = kecamatan ? kecamatanKey(kecamatan) : '';

      const pick = (matches: Indexed[], exact: boolean): DesaMatch | undefined => {
        if (matches.length === 0) return undefined;
        const narrowed = kecKey ? matches.filter((candidate) => candidate.kecKey === kecKey) : [];
        const chosen = narrowed.length > 0 ? narrowed : matches;
        if (chosen.length === 1) return { kind: 'found', code: chosen[0].code, name: chosen[0].name, exact };
        return { kind: 'ambiguous', codes: chosen.map((candidate) => candidate.code).sort() };
      };

      const exact = pick(byKey.get(key) ?? [], true);
      if (exact) return exact;
      const slips = allowedSlips(key);
      if (slips === 0) return { kind: 'unknown' };
      let best = slips + 1;
      let closest: Indexed[] = [];
      for (const candidate of indexed) {
        const distance = editDistance(key, candidate.key, slips);
        if (distance < best) {
          best = distance;
          closest = [candidate];
        } else if (distance === best) {
          closest.push(candidate);
        }
      }
      return pick(best <= slips ? closest : [], false) ?? { kind: 'unknown' };
    },
  };
}

// Where a message happens: the deepest region it names, resolved against the gazetteer. Marked names ("ds.",
// "kec.", "kab.", "Kota") are trusted; bare kab/kota names count unless negated ("bukan Malang"); the origin of a
// convoy ("dari Jember") weighs little and its destination much. Each kab/kota collects points from every
// mention that fits it; a tie left after the sender's home area gives no code and a list of candidates.

import { isWithin, kabkotaOf } from '../region-codes.ts';
import { list } from './doc.ts';
import { exactPlaces, type Gazetteer, nearPlaces, type Place } from './gazetteer.ts';
import { placeKey, type Token } from './tokens.ts';

export type Span = [number, number];
export type PlaceCandidate = {
  code: string;
  name: string;
  level: Place['level'];
  kabkotaCode: string;
  kabkotaName: string;
};
export type PlaceReading = {
  kabkotaCode: string | null;
  kecamatanCode: string | null;
  desaCode: string | null;
  regionCode: string | null;
  candidates: PlaceCandidate[];
  spans: Span[];
  confidence: number;
};

type Mention = {
  level: 'kabkota' | 'kecamatan' | 'desa';
  places: Place[];
  weight: number;
  marked: boolean;
  span: Span;
  /** Token indices of the mention's first and last word. */
  from: number;
  to: number;
};

const DESA_MARKERS = new Set(['desa', 'kelurahan']);
const KEC_MARKERS = new Set(['kecamatan']);
/** Words that are also names of kab/kota, kecamatan or desa; bare, they are read as words. */
const COMMON_WORDS = new Set(
  list(`
    batu | malang | taman | kota | pesantren | geger | parang | kampak | deket | larangan | dukun |
    tarik | barat | semen | waru | pasar | keras | seneng | jeruk | pulo | begal | rawan | sukun | kali
    | gading | kandangan | jati | ngadirejo | banyakan | tanjung | bandar | gunung | panji | rahayu |
    slamet | sugio | kraton | giri | balong | wates | sawahan | pakis | bangil | kasiman | dander |
    ampel | krian | glagah | senori | kabat | puri | mojo | kunir | tempeh | lenteng | jombang | sumber
    | rejo | lor | kidul
  `),
);
const TITLES = new Set(
  list(`
    pak | bu | bapak | ibu | mbah | haji | h | kh | ustadz | ustad | gus | mas | mbak | cak | kyai |
    kiai | sdr | saudara | nama
  `),
);
const ORIGIN = new Set(['dari', 'asal']);
const DESTINATION = new Set(
  list(`ke | masuk | menuju | lewat | melintas | melewati | memasuki | di | wilayah`),
);
/** Where a group goes back to or goes on to after the event: "balik ke Jember", "lanjut ke Malang". */
const RETURN = new Set(['balik', 'pulang', 'kembali', 'lanjut', 'melanjutkan', 'meneruskan']);
/** Newspapers named after a town ("Radar Jember") say where the paper is, not where the event was. */
const MEDIA = new Set([
  'radar',
  'tribun',
  'tribunnews',
  'surya',
  'memorandum',
  'kabar',
  'berita',
  'suara',
  'times',
  'jatimnow',
]);
const KOTA_AND_KAB = /^35\.7/;

function keyOf(tokens: readonly Token[], from: number, count: number): string {
  return tokens
    .slice(from, from + count)
    .map((t) => placeKey(t.raw))
    .join('');
}

function isMarker(t: Token): boolean {
  return DESA_MARKERS.has(t.norm) || KEC_MARKERS.has(t.norm) || t.norm === 'kabupaten' || t.norm === 'kota';
}

/** The weight of a kab/kota mention from the words just before it. */
function contextWeight(tokens: readonly Token[], at: number): number {
  let weight = 1;
  for (let j = at - 1; j >= Math.max(0, at - 3); j--) {
    const t = tokens[j];
    if (!t || t.clause !== tokens[at]?.clause) break;
    if (t.norm === 'bukan') return 0;
    if (j === at - 1 && MEDIA.has(t.norm)) return 0.2;
    if (ORIGIN.has(t.norm)) return 0.3;
    if (RETURN.has(t.norm)) return 0.3;
    if (j === at - 1 && DESTINATION.has(t.norm)) weight = 1.5;
    // "di tol Sidoarjo", "di stadion Kediri": a place word between "di" and the name
    if (j === at - 2 && t.norm === 'di' && !tokens[at - 1]?.capital && tokens[at - 1]?.value === null)
      weight = 1.5;
  }
  return weight;
}

/** A named place after a marker: the longest name of that level that matches exactly, else within one edit. */
function namedAfter(
  g: Gazetteer,
  tokens: readonly Token[],
  from: number,
  level: 'kecamatan' | 'desa',
): { places: Place[]; count: number } | null {
  const limit = Math.min(g.maxWords + 1, 4);
  const window: number[] = [];
  for (let n = 1; n <= limit; n++) {
    const t = tokens[from + n - 1];
    if (!t || t.clause !== tokens[from]?.clause || isMarker(t) || t.value !== null) break;
    window.push(n);
  }
  for (const near of [false, true]) {
    for (const n of [...window].reverse()) {
      const key = keyOf(tokens, from, n);
      const places = (near ? nearPlaces(g, key) : exactPlaces(g, key)).filter((p) => p.level === level);
      if (places.length > 0) return { places, count: n };
    }
  }
  return null;
}

function findMentions(g: Gazetteer, tokens: readonly Token[]): Mention[] {
  const mentions: Mention[] = [];
  const used = new Set<number>();
  const span = (a: number, n: number): Span => [tokens[a]?.start ?? 0, tokens[a + n - 1]?.end ?? 0];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (!next || next.clause !== t.clause) continue;
    const abbreviated = t.raw.toLowerCase() !== t.norm;
    const level = DESA_MARKERS.has(t.norm) ? 'desa' : KEC_MARKERS.has(t.norm) ? 'kecamatan' : null;
    if (level) {
      // a full word "desa" is often just a word ("balai desa"); its name must then be written as a name
      if (!abbreviated && !next.capital) continue;
      const found = namedAfter(g, tokens, i + 1, level);
      if (!found) continue;
      const weight = contextWeight(tokens, i);
      mentions.push({
        level,
        places: found.places,
        weight,
        marked: true,
        span: span(i, found.count + 1),
        from: i,
        to: i + found.count,
      });
      for (let k = i; k <= i + found.count; k++) used.add(k);
      i += found.count;
      continue;
    }
    if (t.norm === 'kabupaten' || t.norm === 'kota') {
      const two = g.kabkota.get(keyOf(tokens, i + 1, 2));
      const count = two ? 2 : 1;
      const places = two ?? g.kabkota.get(placeKey(next.raw));
      if (!places) continue;
      const kota = places.filter((p) => KOTA_AND_KAB.test(p.code));
      const kab = places.filter((p) => !KOTA_AND_KAB.test(p.code));
      // "kota Jember" means the town of Jember, in the kabupaten: only a real Kota takes the word
      const chosen = t.norm === 'kota' ? (kota.length > 0 ? kota : kab) : kab.length > 0 ? kab : kota;
      mentions.push({
        level: 'kabkota',
        places: chosen,
        // "Kabupaten Jember", "Kota Malang": a name written as a region weighs more than a bare one
        weight: contextWeight(tokens, i) * 1.2,
        marked: true,
        span: span(i, count + 1),
        from: i,
        to: i + count,
      });
      for (let k = i; k <= i + count; k++) used.add(k);
      i += count;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i] as Token;
    if (t.value !== null || t.raw.length < 3) continue;
    const key = placeKey(t.raw);
    const prev = tokens[i - 1];
    if (prev && TITLES.has(prev.norm) && prev.clause === t.clause) continue;
    const common = COMMON_WORDS.has(key);
    const firstOfSentence = !prev || prev.sentence !== t.sentence;
    if (common && (!t.capital || firstOfSentence)) continue;
    const kabkota = g.kabkota.get(key) ?? g.kabkota.get(t.norm);
    // a dateline, "JEMBER, KOMPAS.com –", names where the reporter is: it weighs a little less
    const dateline = i === 0 && t.raw === t.raw.toUpperCase() && tokens[1]?.clause !== t.clause;
    // "Jalan Kenjeran", "Jl. Surabaya": a street named after a place is only a street
    const street = prev?.norm === 'jalan' && prev.clause === t.clause;
    const weight = contextWeight(tokens, i) * (dateline ? 0.7 : 1) * (street ? 0.3 : 1);
    if (kabkota) {
      // a bare name shared by a Kabupaten and a Kota leans to the Kabupaten; other names in the text decide
      const places = kabkota.map((p) => ({ ...p }));
      mentions.push({
        level: 'kabkota',
        places,
        weight,
        marked: false,
        span: [t.start, t.end],
        from: i,
        to: i,
      });
      continue;
    }
    if (!t.capital || common || firstOfSentence || street) continue;
    const kec = exactPlaces(g, key).filter((p) => p.level === 'kecamatan');
    if (kec.length > 0)
      mentions.push({
        level: 'kecamatan',
        places: kec,
        weight,
        marked: false,
        span: [t.start, t.end],
        from: i,
        to: i,
      });
  }
  return originChains(tokens, mentions);
}

/**
 * "asal Kecamatan Tempurejo, Jember", "dari Desa X, Kecamatan Y": the names that follow an origin in the same
 * sentence, with nothing but a comma between them, are the same origin and weigh as little.
 */
function originChains(tokens: readonly Token[], mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.from - b.from);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1] as Mention;
    const cur = sorted[k] as Mention;
    const plain =
      cur.weight === 1 || (cur.marked && cur.level === 'kabkota' && Math.abs(cur.weight - 1.2) < 1e-9);
    if (
      prev.weight < 1 &&
      plain &&
      cur.from === prev.to + 1 &&
      tokens[cur.from]?.sentence === tokens[prev.to]?.sentence
    )
      cur.weight = prev.weight;
  }
  return sorted;
}

/** The names a Kabupaten and a Kota share. */
const TOWN_NAME = /^(malang|kediri|blitar|madiun|mojokerto|pasuruan|probolinggo)$/;

function kabkotaName(g: Gazetteer, code: string): string {
  return g.byCode.get(code)?.name ?? code;
}

/** Resolves the place of a message; homeRegion (any code of the sender's area) breaks ties. */
export function readPlace(g: Gazetteer, tokens: readonly Token[], homeRegion?: string | null): PlaceReading {
  const mentions = findMentions(g, tokens).filter((m) => m.weight > 0);
  const score = new Map<string, number>();
  const add = (code: string, points: number) => score.set(code, (score.get(code) ?? 0) + points);
  // words of a town: a bare name shared by a Kabupaten and a Kota then leans to the Kota
  const town = tokens.some(
    (t, i) =>
      t.norm === 'kelurahan' ||
      t.norm === 'pemkot' ||
      t.norm === 'walikota' ||
      t.norm === 'polresta' ||
      (t.norm === 'kota' && /^(balai|wali|pemerintah|alun)$/.test(tokens[i - 1]?.norm ?? '')) ||
      // "stasiun Madiun", "alun2 Malang": the station and the square of a name both bear are the town's
      ((t.norm === 'stasiun' || t.norm === 'alun') && TOWN_NAME.test(tokens[i + 1]?.norm ?? '')) ||
      // "Madiun kota", "di kota": the word after the name or alone, not the marker before a name
      (t.norm === 'kota' && !(tokens[i + 1]?.capital && tokens[i + 1]?.clause === t.clause)),
  );
  const kecCandidates = new Set(
    mentions.filter((m) => m.level === 'kecamatan' && m.marked).flatMap((m) => m.places.map((p) => p.code)),
  );
  for (const m of mentions) {
    const kabs = new Set(m.places.map((p) => p.kabkotaCode));
    for (const kab of kabs) {
      if (m.level === 'kabkota') {
        const bare = !m.marked && m.places.length > 1;
        const kota = KOTA_AND_KAB.test(kab);
        add(kab, 3 * m.weight * (bare && kota !== town ? 0.8 : 1));
      } else if (m.level === 'kecamatan') add(kab, (m.marked ? 4 : 1) * Math.min(m.weight, 1.2));
      else {
        const fits = m.places.some(
          (p) => p.kabkotaCode === kab && p.kecamatanCode !== null && kecCandidates.has(p.kecamatanCode),
        );
        add(kab, (2 + (fits ? 3 : 0)) * Math.min(m.weight, 1.2));
      }
    }
  }
  const home = (homeRegion && isWithin(homeRegion, '35') && kabkotaOf(homeRegion)) || null;
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const empty: PlaceReading = {
    kabkotaCode: null,
    kecamatanCode: null,
    desaCode: null,
    regionCode: null,
    candidates: [],
    spans: [],
    confidence: 0,
  };
  if (ranked.length === 0) {
    if (!home) return empty;
    return { ...empty, kabkotaCode: home, regionCode: home, confidence: 0.2 };
  }
  const top = ranked[0]?.[1] ?? 0;
  let tied = ranked.filter(([, s]) => top - s < 0.01).map(([c]) => c);
  let resolvedByHome = false;
  if (tied.length > 1 && home && tied.includes(home)) {
    tied = [home];
    resolvedByHome = true;
  }
  const deepestIn = (kab: string) => {
    // a marked kecamatan ("Kecamatan Bulak") before a bare name that happens to be one
    const kec =
      mentions.find(
        (m) => m.level === 'kecamatan' && m.marked && m.places.some((p) => p.kabkotaCode === kab),
      ) ?? mentions.find((m) => m.level === 'kecamatan' && m.places.some((p) => p.kabkotaCode === kab));
    const kecPlace = kec?.places.find((p) => p.kabkotaCode === kab) ?? null;
    const desaMentions = mentions.filter((m) => m.level === 'desa');
    const desaPlace =
      desaMentions
        .flatMap((m) => m.places)
        .find((p) => p.kabkotaCode === kab && kecPlace && p.kecamatanCode === kecPlace.code) ??
      desaMentions.flatMap((m) => m.places).find((p) => p.kabkotaCode === kab) ??
      null;
    return { kecPlace, desaPlace };
  };
  const candidatesOf = (kabs: readonly string[]): PlaceCandidate[] =>
    kabs.map((kab) => {
      const { kecPlace, desaPlace } = deepestIn(kab);
      const p = desaPlace ?? kecPlace ?? g.byCode.get(kab);
      return {
        code: p?.code ?? kab,
        name: p?.name ?? kab,
        level: p?.level ?? 'kabkota',
        kabkotaCode: kab,
        kabkotaName: kabkotaName(g, kab),
      };
    });
  const contenders = ranked.filter(([, s]) => top - s < 1.5).map(([c]) => c);
  if (tied.length > 1) {
    return { ...empty, candidates: candidatesOf(tied), spans: mentions.map((m) => m.span), confidence: 0.3 };
  }
  const kab = tied[0] as string;
  const { kecPlace, desaPlace } = deepestIn(kab);
  const spans = mentions.filter((m) => m.places.some((p) => p.kabkotaCode === kab)).map((m) => m.span);
  const second = ranked[1]?.[1] ?? 0;
  const confidence = resolvedByHome ? 0.55 : Math.min(0.97, 0.5 + (top - second) / 10);
  const desaCode =
    desaPlace && (!kecPlace || desaPlace.kecamatanCode === kecPlace.code) ? desaPlace.code : null;
  return {
    kabkotaCode: kab,
    kecamatanCode: kecPlace?.code ?? desaPlace?.kecamatanCode ?? null,
    desaCode,
    regionCode: desaCode ?? kecPlace?.code ?? kab,
    candidates:
      contenders.length > 1 || resolvedByHome
        ? candidatesOf(resolvedByHome ? ranked.filter(([, s]) => top - s < 0.01).map(([c]) => c) : contenders)
        : [],
    spans,
    confidence: Math.round(confidence * 100) / 100,
  };
}

// Who is affected: the vulnerable groups among victims and people at risk (never perpetrators), and the
// numbers of injured, dead and displaced people the message states.
import type { VulnerableGroup } from '../reports/report-schema.ts';
import { type Doc, findAll, list, type Span, words } from './doc.ts';
import type { Token } from './tokens.ts';

export type GroupReading = { group: VulnerableGroup; spans: Span[]; confidence: number };
export type CountReading = { value: number | null; spans: Span[]; confidence: number };

const GROUP_TERMS: Record<VulnerableGroup, RegExp> = {
  anak: words(`
    anak kecil | anak | balita | batita | bayi | bocah | bocil | siswa | siswi | murid | santri kecil |
    santriwati kecil | pelajar sd | pelajar smp | anak sd | sd | tpq | paud | di ?bawah umur | yatim |
    balitanya | bayinya | anaknya | anak lakinya | anak perempuannya | cucu | cucunya
  `),
  lansia: words(`
    lansia | jompo | sepuh | mbah | mbahnya | kakek | nenek | renta | orang tua renta | orangtua renta |
    uzur | eyang | simbah
  `),
  ibu_hamil: words(`ibuhamil | hamil | melahirkan | hamil tua | ibu bersalin | nifas`),
  disabilitas: words(`
    disabilitas | difabel | tuna ?(?:netra|rungu|daksa|wicara|grahita) | kursi roda | lumpuh | cacat |
    odgj | gangguan jiwa | berkebutuhan khusus | buta | tuli | bisu | stroke
  `),
  fakir_miskin: words(`
    miskin | pra ?sejahtera | tidak mampu | kurang mampu | pkh | bpnt | kpm | dhuafa | duafa | gakin |
    penerima (?:bansos|blt|bantuan) | fakir | papa
  `),
};
/** "anak buah", "penculik anak", "anak muda": other meanings of a word. */
const OTHER_MEANING = words(`
    anak buah | anak muda | penculik anak | penculikan anak | anak ?anak muda | anak punk | anak cabang
    | anak perusahaan | anak kos | anak kost | anak ranting | anak usaha | wali murid | anak didik |
    perlindungan anak | sesepuh | sd negeri | lulusan sd
  `);
/** A possessive child ("anaknya") may be grown up: it counts with a stated young age or a child word. */
const POSSESSIVE = new Set(['anaknya', 'anaklakinya', 'anakperempuannya', 'cucunya']);
const PERPETRATOR = new Set(['pelaku', 'pelakunya', 'tersangka', 'penyerang', 'pengeroyok']);
const PERP_CLAUSE = new Set(
  list(`
    diamankan | ditangkap | tertangkap | diciduk | dirazia | menyerang | mengeroyok | membacok | memukul
    | menganiaya | menusuk | melempar | mukul | nyerang | ngeroyok | mbacok | nyabet | menantang |
    menyerahkan
  `),
);
const AGE = /(?<![\p{L}\p{N}])(?:umur|usia|berusia|berumur) \d{1,3}(?:an)?(?![\p{L}\p{N}])/gu;
/** "seorang remaja 15 th", "pelajar 14 tahun": a person named with an age in years. */
const PERSON_AGE = words([
  '(?:remaja|bocah|pelajar|siswa|siswi|pemuda|pemudi|santri|korban|warga|pria|wanita|perempuan|kakek|nenek|lakilaki|laki|bapak|ibu) \\d{1,3} tahun',
]);

function ageNear(tokens: readonly Token[], i: number): number | null {
  for (let j = i + 1; j <= Math.min(tokens.length - 1, i + 4); j++) {
    const t = tokens[j] as Token;
    if (t.clause !== tokens[i]?.clause && !t.bracketed) break;
    if (
      t.value !== null &&
      (tokens[j - 1]?.norm === 'umur' || tokens[j - 1]?.norm === 'usia' || tokens[j + 1]?.norm === 'tahun')
    )
      return t.value;
  }
  return null;
}

/** True when the words around token i make the person a perpetrator. */
function isPerpetrator(doc: Doc, first: number, last: number): boolean {
  const t = doc.tokens[first] as Token;
  for (let j = 0; j < doc.tokens.length; j++) {
    const u = doc.tokens[j] as Token;
    if (u.sentence !== t.sentence) continue;
    // "pelaku 4 org, 3 diantaranya msh pelajar SMP": the minors come after the word for the perpetrator
    if (PERPETRATOR.has(u.norm) && j < first) return true;
    if (u.clause === t.clause && PERP_CLAUSE.has(u.norm) && (j > last || j >= first - 6)) {
      // "ditangkap" in the same clause; an active verb after the person ("pelajar yang menyerang")
      if (j > last || !/^me|^ng|^ny|^mb/.test(u.norm)) return true;
    }
  }
  return false;
}

export function readGroups(doc: Doc): GroupReading[] {
  const other = findAll(doc, OTHER_MEANING);
  const covered = (first: number, last: number) => other.some((o) => o.first <= last && o.last >= first);
  const out: GroupReading[] = [];
  const ages = [
    ...findAll(doc, AGE).map((h) => ({ hit: h, at: h.last })),
    ...findAll(doc, PERSON_AGE).map((h) => ({ hit: h, at: h.last - 1 })),
  ];
  for (const [group, re] of Object.entries(GROUP_TERMS) as [VulnerableGroup, RegExp][]) {
    const spans: Span[] = [];
    for (const hit of findAll(doc, re)) {
      if (covered(hit.first, hit.last)) continue;
      const token = doc.tokens[hit.first] as Token;
      if ((group === 'anak' || group === 'lansia') && isPerpetrator(doc, hit.first, hit.last)) continue;
      if (
        group === 'anak' &&
        POSSESSIVE.has(
          doc.tokens
            .slice(hit.first, hit.last + 1)
            .map((t) => t.norm)
            .join(''),
        )
      ) {
        const age = ageNear(doc.tokens, hit.last);
        if (age === null || age >= 18) continue;
      }
      if (group === 'anak' && token.norm === 'sd' && doc.tokens[hit.first - 1]?.norm === 'siswa') continue;
      spans.push(hit.span);
    }
    // a stated age: "umur 9 th" is a child, "usia 70an" an elderly person, unless a perpetrator's
    for (const { hit, at } of ages) {
      const age = doc.tokens[at]?.value ?? null;
      const wanted = age === null ? null : age < 18 ? 'anak' : age >= 60 ? 'lansia' : null;
      if (wanted === group && !isPerpetrator(doc, hit.first, hit.last)) spans.push(hit.span);
    }
    // news style: a name or initials with the age in brackets, "AS (15)", "Mbah Sarni (72)"
    doc.tokens.forEach((t, i) => {
      const prev = doc.tokens[i - 1];
      const next = doc.tokens[i + 1];
      if (!t.bracketed || t.value === null || !prev || prev.bracketed || !prev.capital) return;
      if (next?.bracketed && next.clause === t.clause) return;
      const wanted = t.value < 18 ? 'anak' : t.value >= 60 && t.value < 110 ? 'lansia' : null;
      if (wanted === group && !isPerpetrator(doc, i - 1, i)) spans.push([prev.start, t.end]);
    });
    if (spans.length > 0) out.push({ group, spans, confidence: spans.length > 1 ? 0.9 : 0.8 });
  }
  return out;
}

// ---- counts ----

type Category = 'injured' | 'dead' | 'displaced';
const CATEGORY_WORDS: Record<Category, RegExp> = {
  injured: words(`
    luka | terluka | luka ?luka | memar | lecet | cedera | cidera | sobek | bocor | lebam | terjatuh |
    luka bacok | babak belur | bonyok | benjol | kritis | patah tulang | melukai | mencederai |
    (?:terkena|kena) (?:sabetan|bacokan|tusukan|tembakan|peluru)
  `),
  dead: words(`
    meninggal | tewas | menewaskan | mati | wafat | gugur | md | korban jiwa | meninggal dunia |
    tidak tertolong | meregang nyawa | kehilangan nyawa | terbunuh
  `),
  displaced: words(`
    mengungsi | pengungsi | pengungsian | pindah sementara | numpang | menumpang | kehilangan tempat tinggal |
    kehilangan rumah | tidur di | terpaksa pindah | diungsikan | dievakuasi
  `),
};
/** Weaker signs of injury that count only right after a number of people ("2 org dibawa ke puskesmas"). */
const WEAK_INJURED = words(['dibawa ke (?:puskesmas|rs|rsud|klinik|rumah sakit)', 'dirawat', 'dilarikan ke']);
const NOT_PEOPLE = new Set(
  list(`
    kk | rumah | bulan | tahun | jam | motor | kapal | perahu | tps | suara | desa | dusun | titik |
    kali | x | hari | minggu | rt | rw | km | meter | ha | unit | buah | mobil | bus | truk | kendaraan
    | kelompok | pulau | pihak | kubu | perguruan | klub | caleg | calon | sisi | lantai | ekor | persen
    | juta | ribu | rb | jt | kg | pelaku | tersangka | warung | toko | gerobak | hektar | pos | lokasi
    | kampung | diantaranya | di | bangunan | lapak | kios | sepeda | mushola | masjid | gereja |
    sekolah | januari | februari | maret | april | mei | juni | juli | agustus | september | oktober |
    november | desember | jan | feb | mar | apr | jun | jul | agu | agt | sep | okt | nov | des | wib |
    pasal | ayat | nomor | no | kilometer | menit | detik | kali lipat | lembar | botol | batang |
    keluarga
  `),
);
const NOT_AFTER = new Set(
  list(`
    pukul | jam | no | nomor | rt | rw | tahun | usia | umur | ke | salah | calon | tps | pos | ring |
    liga | h | pasal
  `),
);
const TRIGGER = new Set(list(`setelah | sejak | gara | karena | akibat | usai`));

function isPeopleNumber(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j] as Token;
  if (t.value === null) return false;
  const next = tokens[j + 1];
  const prev = tokens[j - 1];
  if (next && next.clause === t.clause && NOT_PEOPLE.has(next.norm)) return false;
  if (prev && prev.clause === t.clause && NOT_AFTER.has(prev.norm)) return false;
  // inside brackets only "(12 jiwa)" speaks of people
  if (t.bracketed && !(next && /^(jiwa|orang|warga)$/.test(next.norm))) return false;
  return true;
}

const SUBSET = new Set(list(`termasuk | diantaranya | antaranya | terdiri`));

function hasNumberBefore(tokens: readonly Token[], at: number, sentence: number): boolean {
  for (let j = at - 1; j >= 0 && tokens[j]?.sentence === sentence; j--)
    if (isPeopleNumber(tokens, j)) return true;
  return false;
}

/** The number of people a category word speaks of: the nearest number before it in the sentence, or right after. */
function numberFor(
  doc: Doc,
  at: number,
  window: number,
): { value: number | null; index: number | null; vague: boolean } {
  const tokens = doc.tokens;
  const here = tokens[at] as Token;
  for (let j = at - 1; j >= Math.max(0, at - window); j--) {
    const t = tokens[j] as Token;
    if (t.sentence !== here.sentence) break;
    if (t.vague) return { value: null, index: j, vague: true };
    // "14 jiwa, termasuk seorang ibu hamil, mengungsi": the part named inside is not the whole count
    if (SUBSET.has(tokens[j - 1]?.norm ?? '') && hasNumberBefore(tokens, j - 1, here.sentence)) continue;
    if (isPeopleNumber(tokens, j)) return { value: t.value, index: j, vague: false };
  }
  for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 3); j++) {
    const t = tokens[j] as Token;
    if (t.clause !== here.clause) break;
    if (t.vague) return { value: null, index: j, vague: true };
    const stated =
      /^(orang|warga|jiwa|korban)$/.test(tokens[j + 1]?.norm ?? '') || TOTAL.has(tokens[j - 1]?.norm ?? '');
    if (isPeopleNumber(tokens, j) && stated) return { value: t.value, index: j, vague: false };
  }
  return { value: null, index: null, vague: false };
}

/** Violence done to someone, in the passive: "dianiaya", "dipukuli", "dibacok", "dikeroyok". */
const VIOLENCE_DONE = words(`
  dianiaya | dipukul | dipukuli | dibacok | ditusuk | dikeroyok | dihajar | ditendang | disabet | diserang |
  dihakimi | dianiaya | dicelurit | diclurit | ditikam
`);

/** An assault named with the number of people it was done to: "pengeroyokan 2 pemuda", "pemukulan thd 3 warga". */
const ASSAULTED = words([
  '(?:pengeroyokan|pemukulan|penganiayaan|pembacokan|penusukan|penyerangan|penikaman) (?:terhadap )?(?:\\d+|seorang|satu|dua|tiga|empat|lima)',
]);

/** "sebanyak lima orang", "bertambah jadi 2": the words that put a count after its noun. */
const TOTAL = new Set(list(`menjadi | jadi | sebanyak | berjumlah | mencapai | total`));
const GROWN = new Set(list(`bertambah | naik | meningkat`));

/** "korban luka ... bertambah menjadi tujuh orang": the latest total, later in the sentence, wins. */
function updatedTotal(doc: Doc, at: number): { value: number; index: number } | null {
  const tokens = doc.tokens;
  const here = tokens[at] as Token;
  for (let j = at + 1; j < Math.min(tokens.length, at + 12); j++) {
    const t = tokens[j] as Token;
    if (t.sentence !== here.sentence) break;
    if (!GROWN.has(t.norm)) continue;
    for (let k = j + 1; k <= j + 2; k++) {
      const n = tokens[k];
      if (n && n.value !== null && isPeopleNumber(tokens, k)) return { value: n.value, index: k };
    }
  }
  return null;
}

/** "2 org luka berat dan 3 luka ringan": parts by severity, with no total before them, add up. */
const BY_SEVERITY = words(['[^ ,.]+ (?:orang |warga |korban )?(?:luka|terluka) (?:berat|ringan|parah)']);

function severityTotal(doc: Doc, numberIndex: number): number | null {
  const sentence = doc.tokens[numberIndex]?.sentence;
  const parts = findAll(doc, BY_SEVERITY).filter(
    (h) => doc.tokens[h.first]?.sentence === sentence && doc.tokens[h.first]?.value !== null,
  );
  if (parts.length < 2 || !parts.some((h) => h.first === numberIndex)) return null;
  return parts.reduce((sum, h) => sum + (doc.tokens[h.first]?.value ?? 0), 0);
}

const ZERO: Record<Category, RegExp> = {
  injured: words([
    'tidak ada (?:yang )?(?:korban )?(?:luka|terluka|cedera)',
    'tidak ada korban(?! jiwa)',
    'korban (?:luka )?nihil',
    'nihil korban',
    'tanpa korban(?! jiwa)',
  ]),
  dead: words([
    'tidak ada (?:yang )?(?:meninggal|tewas)',
    'tidak ada korban(?! luka)',
    'korban (?:jiwa )?nihil',
    'nihil korban',
    'tanpa korban(?! luka)',
  ]),
  displaced: words(['tidak ada (?:yang )?(?:mengungsi|pengungsi)']),
};

export function readCounts(doc: Doc): Record<Category, CountReading> {
  const out = {} as Record<Category, CountReading>;
  const deaths = findAll(doc, CATEGORY_WORDS.dead);
  let violence: Set<number> | null = null;
  const violenceSentences = () => {
    violence ??= new Set(findAll(doc, VIOLENCE_DONE).map((v) => doc.tokens[v.first]?.sentence ?? -1));
    return violence;
  };
  for (const category of ['injured', 'dead', 'displaced'] as const) {
    let reading: CountReading = { value: null, spans: [], confidence: 0.6 };
    const hits = findAll(doc, CATEGORY_WORDS[category]).map((h) => ({ ...h, window: 12 }));
    if (category === 'injured') hits.push(...findAll(doc, WEAK_INJURED).map((h) => ({ ...h, window: 3 })));
    hits.sort((a, b) => a.index - b.index);
    let sawVague = false;
    for (const hit of hits) {
      // "tdk ada korban luka": the zero rule below reads it
      const before = doc.tokens.slice(Math.max(0, hit.first - 3), hit.first).map((t) => t.norm);
      if (before.includes('tidak') || before.includes('tanpa') || before.includes('nihil')) continue;
      // "1 korban luka meninggal di RS": the injured person died
      if (category === 'injured' && deaths.some((d) => d.first === hit.last + 1)) continue;
      const update = updatedTotal(doc, hit.last);
      const found = update ? { ...update, vague: false } : numberFor(doc, hit.first, hit.window);
      if (found.vague) {
        sawVague = true;
        continue;
      }
      if (found.index === null || found.value === null) continue;
      const numberToken = doc.tokens[found.index] as Token;
      // "stlh 3 warga meninggal mendadak": a death behind the conflict, not a victim of it
      if (category === 'dead') {
        const before = doc.tokens
          .slice(Math.max(0, found.index - 3), found.index)
          .some((t) => TRIGGER.has(t.norm));
        const after = doc.tokens.slice(hit.last + 1, hit.last + 3).some((t) => t.norm === 'mendadak');
        if (before || after) continue;
      }
      reading = {
        value: category === 'injured' ? (severityTotal(doc, found.index) ?? found.value) : found.value,
        spans: [[numberToken.start, numberToken.end], hit.span],
        confidence: 0.85,
      };
      break;
    }
    if (reading.value === null && !sawVague && category !== 'displaced') {
      // "seorang kakek dipukul, luka di kepala": one person, said with a word
      // a weaker word counts after violence done to that person: "seorang kakek dianiaya, dirawat di puskesmas"
      const strong =
        hits.find((h) => h.window === 12) ??
        hits.find((h) => violenceSentences().has(doc.tokens[h.first]?.sentence ?? -1));
      const one = strong ? doc.tokens.findIndex((t, i) => i < strong.first && t.norm === 'seorang') : -1;
      if (strong && one >= 0 && category === 'injured') {
        const t = doc.tokens[one] as Token;
        reading = { value: 1, spans: [[t.start, t.end], strong.span], confidence: 0.6 };
      }
    }
    if (reading.value === null && category === 'injured' && !sawVague && hits.length > 0) {
      // "pengeroyokan 2 pemuda ... korban luka lebam": the number of people an assault was done to
      const m = findAll(doc, ASSAULTED)[0];
      const t = m ? doc.tokens[m.last] : undefined;
      if (m && t && t.value !== null && isPeopleNumber(doc.tokens, m.last))
        reading = {
          value: t.value,
          spans: [m.span, (hits[0] as (typeof hits)[number]).span],
          confidence: 0.6,
        };
    }
    if (reading.value === null && category === 'injured' && !sawVague) {
      // "korban 1 org" with no other word: one injured
      const m = findAll(
        doc,
        /(?<![\p{L}\p{N}])korban (\d+|seorang|satu|dua|tiga|empat|lima) ?(?:orang|warga)?(?! (?:meninggal|tewas|jiwa))(?![\p{L}\p{N}])/gu,
      )[0];
      const t = m ? doc.tokens[m.first + 1] : undefined;
      if (m && t && t.value !== null) reading = { value: t.value, spans: [m.span], confidence: 0.55 };
    }
    if (reading.value === null && !sawVague) {
      const zero = findAll(doc, ZERO[category])[0];
      if (zero) reading = { value: 0, spans: [zero.span], confidence: 0.85 };
    }
    if (sawVague && reading.value === null) reading.confidence = 0.7;
    out[category] = reading;
  }
  return out;
}

// The numbers of injured, dead and displaced people a message states: digits and number words next to a word of
// injury, death or displacement, never counts of perpetrators, crowds, families or deaths behind the conflict.
import { type Doc, findAll, type Hit, list, type Span, words } from './doc.ts';
import { nonViolentDeath, recalledSentences } from './kind.ts';
import type { Token } from './tokens.ts';

export type CountReading = { value: number | null; spans: Span[]; confidence: number };

type Category = 'injured' | 'dead' | 'displaced';
const CATEGORY_WORDS: Record<Category, RegExp> = {
  injured: words(`
    luka | terluka | luka ?luka | memar | lecet | cedera | cidera | sobek | bocor | lebam | terjatuh |
    luka bacok | babak belur | bonyok | benjol | kritis | patah tulang | melukai | mencederai |
    (?:terkena|kena) (?:di )?(?:kepala|kepalanya|pelipis|pelipisnya|dahi|jidat|kening|wajah|muka|mata|hidung|mulut|lengan|tangan|kaki|punggung|dada|perut|leher|bahu|pundak|paha) |
    (?:terkena|kena) (?:sabetan|bacokan|tusukan|tembakan|peluru|pecahan|lemparan|pukulan|serpihan|panah|bacok|tusuk|sabet|celurit|clurit|pukul|lempar|tembak)
  `),
  dead: words(`
    meninggal | tewas | menewaskan | mati | wafat | gugur | md | korban jiwa | meninggal dunia |
    tidak tertolong | meregang nyawa | kehilangan nyawa | terbunuh
  `),
  displaced: words(`
    mengungsi | pengungsi | pengungsian | pindah sementara | numpang | menumpang | kehilangan tempat tinggal |
    kehilangan rumah | tidur di | terpaksa pindah | diungsikan | dievakuasi | ditampung
  `),
};
/** Weaker signs of injury that count only right after a number of people ("2 org dibawa ke puskesmas"). */
const WEAK_INJURED = words([
  'dibawa ke (?:puskesmas|rs|rsud|klinik|rumah sakit)',
  'dirawat',
  'dilarikan ke',
  'jatuh',
]);
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

/** Passive verbs of violence, after which a number names those who did it. */
const PASSIVE_DONE = new Set(
  list(`
    dianiaya | dipukul | dipukuli | dibacok | ditusuk | dikeroyok | dihajar | ditendang | disabet | diserang |
    dihakimi | dicelurit | diclurit | ditikam | dilempari | dianiaya | diculik | ditembak | dirusak | dibakar
  `),
);

function isPeopleNumber(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j] as Token;
  if (t.value === null) return false;
  const next = tokens[j + 1];
  const prev = tokens[j - 1];
  if (next && next.clause === t.clause && NOT_PEOPLE.has(next.norm)) return false;
  // "12 kepala keluarga" is a number of families, written out
  if (next?.norm === 'kepala' && tokens[j + 2]?.norm === 'keluarga') return false;
  if (prev && prev.clause === t.clause && NOT_AFTER.has(prev.norm)) return false;
  // "dikeroyok 3 preman", "dianiaya oleh dua pemuda": the number after the violence done is its doers
  const agentOf = prev?.norm === 'oleh' ? tokens[j - 2] : prev;
  if (agentOf && agentOf.clause === t.clause && PASSIVE_DONE.has(agentOf.norm)) return false;
  // inside brackets only "(12 jiwa)" speaks of people
  if (t.bracketed && !(next && /^(jiwa|orang|warga)$/.test(next.norm))) return false;
  return true;
}

const SUBSET = new Set(list(`termasuk | diantaranya | antaranya | terdiri | satunya | seorangnya`));

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
    if (isPeopleNumber(tokens, j)) {
      // "satu dari dua korban … meninggal": the part, not the whole it is taken from
      const part = tokens[j - 2];
      if (tokens[j - 1]?.norm === 'dari' && part?.value != null && part.clause === t.clause)
        return { value: part.value, index: j - 2, vague: false };
      return { value: t.value, index: j, vague: false };
    }
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
/** A number said to be the whole: "total 6 orang", "seluruhnya 12 jiwa". */
const STATED_TOTAL = new Set(list(`total | totalnya | seluruhnya | sebanyak | berjumlah | jumlahnya`));
const AND = new Set(list(`dan | serta`));

/**
 * "tujuh suporter dan dua polisi luka-luka": numbers of people joined by "dan" before one word of harm add up.
 * Only a noun of up to three words ("seorang tukang ojek pangkalan dan dua …") may stand between a number and the
 * "dan"; a word of harm there ends it ("satu tewas dan dua luka" is two counts).
 */
function coordinatedTotal(tokens: readonly Token[], index: number): number {
  let total = tokens[index]?.value ?? 0;
  let at = index;
  for (;;) {
    const and = tokens[at - 1];
    if (!and || !AND.has(and.norm) || and.clause !== tokens[at]?.clause) return total;
    // "istri & tiga anaknya ditampung": one person named by a word of kin, then a counted group
    const one = tokens[at - 2];
    if (
      one &&
      one.clause === and.clause &&
      ONE_PERSON.test(one.norm) &&
      tokens[at - 3]?.value == null &&
      tokens[at - 3]?.norm !== 'para'
    )
      return total + 1;
    let k = at - 2;
    while (k >= at - 4 && k >= 0 && tokens[k]?.value === null && /^\p{L}+$/u.test(tokens[k]?.norm ?? '')) k--;
    const part = tokens[k];
    if (!part || k === at - 2 || part.clause !== and.clause || !isPeopleNumber(tokens, k)) return total;
    if (tokens.slice(k + 1, at - 1).some((t) => HARM_WORD.test(t.norm))) return total;
    total += part.value ?? 0;
    at = k;
  }
}
/** A death later in the sentence with no other number of people between: the injured person died. */
function diedAfter(doc: Doc, deaths: readonly { first: number }[], from: number): boolean {
  const sentence = doc.tokens[from]?.sentence;
  return deaths.some(
    (d) =>
      d.first > from &&
      doc.tokens[d.first]?.sentence === sentence &&
      !doc.tokens.slice(from + 1, d.first).some((_, k) => isPeopleNumber(doc.tokens, from + 1 + k)),
  );
}
const CONTRAST = new Set(list(`sementara | sedangkan | sementara itu`));
/** "seorang nenek dan cucunya terluka": one person and a kin of theirs are two. */
const KIN =
  /^(?:cucunya|anaknya|istrinya|suaminya|ibunya|ayahnya|bapaknya|adiknya|kakaknya|bayinya|balitanya)$/;

function kinAlong(tokens: readonly Token[], numberIndex: number, hitFirst: number): number {
  if (tokens[numberIndex]?.norm !== 'seorang') return 0;
  for (let k = numberIndex + 1; k < hitFirst; k++)
    if (AND.has(tokens[k]?.norm ?? '') && KIN.test(tokens[k + 1]?.norm ?? '')) return 1;
  return 0;
}
/** A word that names one person: "istri & tiga anaknya", "ibu dan dua balitanya". */
const ONE_PERSON =
  /^(?:istri|istrinya|suami|suaminya|ibu|ibunya|ayah|ayahnya|bapak|bapaknya|nenek|neneknya|kakek|kakeknya|ibuhamil|korban)$/;
const HARM_WORD =
  /^(?:luka|terluka|tewas|meninggal|mati|mengungsi|kritis|dunia|lainnya|pingsan|jatuh|terjatuh|syok|dirawat|diamankan|ditangkap)$/;

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
    '(?:tidak|belum) ada (?:yang )?(?:korban )?(?:luka|terluka|cedera)',
    '(?:tidak|belum) ada korban(?! jiwa)',
    'korban (?:luka )?nihil',
    'nihil korban',
    'tanpa korban(?! jiwa)',
  ]),
  dead: words([
    '(?:tidak|belum) ada (?:yang )?(?:meninggal|tewas)',
    '(?:tidak|belum) ada korban(?! luka)',
    'korban (?:jiwa )?nihil',
    'nihil korban',
    'tanpa korban(?! luka)',
  ]),
  displaced: words(['tidak ada (?:yang )?(?:mengungsi|pengungsi)']),
};

/** "tak ada korban jiwa", "tanpa korban jiwa": a death word that says nobody died. */
const negated = (doc: Doc, h: Hit) =>
  doc.tokens
    .slice(Math.max(0, h.first - 3), h.first)
    .some((t) => t.norm === 'tidak' || t.norm === 'belum' || t.norm === 'tanpa' || t.norm === 'nihil');

const WISHED = new Set(list(`mau | akan | ancam | mengancam | rencana | bakal | hendak | nyaris | hampir`));

/** "wong loro digebuki …, dirawat": a number of people right before the violence done to them. */
function assaultedNumber(doc: Doc): { value: number; span: Span } | null {
  for (const v of findAll(doc, VIOLENCE_DONE)) {
    for (let j = v.first - 1; j >= Math.max(0, v.first - 3); j--) {
      const t = doc.tokens[j] as Token;
      if (t.clause !== doc.tokens[v.first]?.clause) break;
      if (t.value !== null && isPeopleNumber(doc.tokens, j) && t.norm !== 'seorang') {
        // "2 warga mau dikeroyok", "ancam 3 org dipukuli": violence to come hurt nobody yet
        const said = doc.tokens.slice(Math.max(0, j - 3), v.first).some((u) => WISHED.has(u.norm));
        if (said || recalledSentences(doc.tokens).has(t.sentence)) break;
        return { value: t.value, span: [t.start, v.span[1]] };
      }
    }
  }
  return null;
}

export function readCounts(doc: Doc): Record<Category, CountReading> {
  const out = {} as Record<Category, CountReading>;
  const recalled = recalledSentences(doc.tokens);
  const deaths = findAll(doc, CATEGORY_WORDS.dead).filter((d) => !negated(doc, d));
  const harmNamed = findAll(doc, CATEGORY_WORDS.injured).length > 0 || findAll(doc, WEAK_INJURED).length > 0;
  let violence: Set<number> | null = null;
  const violenceSentences = () => {
    violence ??= new Set(findAll(doc, VIOLENCE_DONE).map((v) => doc.tokens[v.first]?.sentence ?? -1));
    return violence;
  };
  for (const category of ['injured', 'dead', 'displaced'] as const) {
    let reading: CountReading = { value: null, spans: [], confidence: 0.6 };
    const hits = findAll(doc, CATEGORY_WORDS[category]).map((h) => ({ ...h, window: 12 }));
    if (category === 'injured') hits.push(...findAll(doc, WEAK_INJURED).map((h) => ({ ...h, window: 3 })));
    // "tahun lalu … 1 org meninggal": the harm of an old incident recalled is not this report's
    for (let i = hits.length - 1; i >= 0; i--)
      if (recalled.has(doc.tokens[hits[i]?.first ?? -1]?.sentence ?? -1)) hits.splice(i, 1);
    hits.sort((a, b) => a.index - b.index);
    let sawVague = false;
    const vagueSentences = new Set<number>();
    // the first count found, and where its word of harm ends
    const first: { reading: CountReading | null; hitLast: number; sentence: number } = {
      reading: null,
      hitLast: -1,
      sentence: -1,
    };
    for (const hit of hits) {
      // "tdk ada korban luka": the zero rule below reads it
      const before = doc.tokens.slice(Math.max(0, hit.first - 3), hit.first).map((t) => t.norm);
      if (before.some((w) => w === 'tidak' || w === 'belum' || w === 'tanpa' || w === 'nihil')) continue;
      // "1 korban luka meninggal di RS": the injured person died
      if (category === 'injured' && deaths.some((d) => d.first === hit.last + 1)) continue;
      const update = updatedTotal(doc, hit.last);
      const found = update ? { ...update, vague: false } : numberFor(doc, hit.first, hit.window);
      if (found.vague) {
        sawVague = true;
        vagueSentences.add(doc.tokens[hit.first]?.sentence ?? -1);
        continue;
      }
      if (found.index === null || found.value === null) continue;
      const numberToken = doc.tokens[found.index] as Token;
      // "stlh 3 warga meninggal mendadak": a death behind the conflict, not a victim of it
      if (category === 'dead') {
        // within the number's clause: "gara2 masalah perempuan, 1 org meninggal" names the cause, then a victim
        const before = doc.tokens
          .slice(Math.max(0, found.index - 3), found.index)
          .some((t) => TRIGGER.has(t.norm) && t.clause === numberToken.clause);
        if (before || nonViolentDeath(doc.tokens, hit.first)) continue;
      }
      // "satu korban tewas dengan luka bacok": the wound of the person who died, not an injured person
      const at = found.index;
      if (category === 'injured' && deaths.some((d) => d.first > at && d.last < hit.first)) continue;
      // "seorang pesilat kena tusuk, nyawanya tak tertolong": the same person died of the wound
      if (category === 'injured' && diedAfter(doc, deaths, hit.last)) continue;
      const value =
        (category === 'injured'
          ? (severityTotal(doc, at) ?? coordinatedTotal(doc.tokens, at))
          : coordinatedTotal(doc.tokens, at)) + kinAlong(doc.tokens, at, hit.first);
      // "seorang siswa luka ..., sementara seorang pengendara terkena lemparan": a second person in a contrast
      const sentence = doc.tokens[hit.first]?.sentence ?? -1;
      const prev = first.reading;
      if (
        prev &&
        first.sentence === sentence &&
        at > first.hitLast &&
        doc.tokens.slice(first.hitLast + 1, at).some((t) => CONTRAST.has(t.norm))
      ) {
        first.reading = {
          ...prev,
          value: (prev.value ?? 0) + value,
          spans: [...prev.spans, [numberToken.start, numberToken.end], hit.span],
        };
        continue;
      }
      const candidate = {
        value,
        spans: [[numberToken.start, numberToken.end], hit.span] as Span[],
        confidence: 0.85,
      };
      if (!first.reading) Object.assign(first, { reading: candidate, hitLast: hit.last, sentence });
      // "total 6 orang kini mengungsi": a stated total, later in the text, outweighs the first part named
      if (STATED_TOTAL.has(doc.tokens[found.index - 1]?.norm ?? '')) {
        first.reading = candidate;
        break;
      }
    }
    // "belasan luka & seorang kritis": a part beside a vague amount of the same harm states no number
    if (first.reading && !vagueSentences.has(first.sentence)) reading = first.reading;
    if (reading.value === null && !sawVague && category !== 'displaced') {
      // "seorang kakek dipukul, luka di kepala": one person, said with a word
      // a weaker word counts after violence done to that person: "seorang kakek dianiaya, dirawat di puskesmas"
      const strong =
        hits.find((h) => h.window === 12) ??
        hits.find((h) => violenceSentences().has(doc.tokens[h.first]?.sentence ?? -1));
      const one = strong ? doc.tokens.findIndex((t, i) => i < strong.first && t.norm === 'seorang') : -1;
      // "seorang pria tewas dengan luka bacok": the wound of the one who died
      const diedBefore = deaths.some((d) => d.first > one && d.last < (strong?.first ?? 0));
      if (
        strong &&
        one >= 0 &&
        category === 'injured' &&
        !diedAfter(doc, deaths, strong.last) &&
        !diedBefore
      ) {
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
    // … unless the message says nobody was hurt ("2 warga dikeroyok, tdk ada korban")
    if (
      reading.value === null &&
      category === 'injured' &&
      !sawVague &&
      (hits.length > 0 || !harmNamed) &&
      findAll(doc, ZERO.injured).length === 0
    ) {
      // "wong loro digebuki warga …, dirawat di puskesmas", "2 nelayan dipukuli": the number the violence was
      // done to; with no word of harm at all in the message the beating is the injury
      const n = assaultedNumber(doc);
      if (n) reading = { value: n.value, spans: [n.span], confidence: 0.6 };
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

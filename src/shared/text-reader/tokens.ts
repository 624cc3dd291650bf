// Tokens of a field message with their offsets into the original text, and the informal spellings folded to
// one plain form. Pure: no database, no node:* imports (the web can import it).

export type Token = {
  /** The characters as typed. */
  raw: string;
  /** Lower case, reduplication ("anak2") and abbreviations ("yg", "dgn") folded; used for every rule. */
  norm: string;
  start: number;
  end: number;
  /** The number a token states ("3", "dua", "seorang", "30an"), or null. */
  value: number | null;
  /** True for "puluhan", "bbrp", "ratusan": an amount that states no number. */
  vague: boolean;
  /** True when the first letter is upper case. */
  capital: boolean;
  /** Index of the clause (split at . , ; : ! ? and brackets) the token is in. */
  clause: number;
  /** Index of the sentence (split at . ! ? and new lines). */
  sentence: number;
  /** True inside round or square brackets. */
  bracketed: boolean;
};

/** Informal spellings, SMS abbreviations, Javanese/Madurese words and frequent typos → one plain word. */
const FOLD: Record<string, string> = Object.fromEntries(
  `
  yg=yang dgn=dengan dg=dengan sdh=sudah udah=sudah dah=sudah org=orang orng=orang krn=karena
  karna=karena blm=belum tdk=tidak tak=tidak gak=tidak ga=tidak nggak=tidak ngga=tidak ndak=tidak
  enggak=tidak msh=masih lg=lagi dr=dari utk=untuk sm=sama bsk=besok kmrn=kemarin kmarin=kemarin
  skrg=sekarang skrang=sekarang tp=tapi dlm=dalam mlm=malam rmh=rumah th=tahun thn=tahun bln=bulan
  jl=jalan jln=jalan bbrp=beberapa sblm=sebelum stlh=setelah mrk=mereka tlg=tolong ortu=orangtua
  masy=masyarakat ngungsi=mengungsi ngungsiin=mengungsi bentrk=bentrok bentruk=bentrok segra=segera
  terjdi=terjadi mohn=mohon kurleb=kuranglebih bwi=banyuwangi sby=surabaya jbr=jember ds=desa
  kec=kecamatan kel=kelurahan kab=kabupaten kabupatén=kabupaten kecamatn=kecamatan dsn=dusun
  bojone=istrinya ketangkep=tertangkap ketangkap=tertangkap keinjak=terinjak kejebak=terjebak
  kena=kena nek=kalau kalo=kalau klo=kalau maneh=lagi wani=berani oreng=orang tretan=saudara lok=tidak
  ta=tidak bumil=ibuhamil manula=lansia lukaa=luka lka=luka mninggal=meninggal menggal=meninggal
  meningal=meninggal tewas=tewas pdhl=padahal jg=juga bgt=banget sy=saya kpd=kepada pd=pada
  ttg=tentang warg=warga wrga=warga polisi=polisi gmn=bagaimana spt=seperti sprti=seperti aja=saja
  bener=benar liat=lihat nyampe=sampai sampe=sampai abis=habis ngrusak=merusak ngerusak=merusak
  nyerang=menyerang ngeroyok=mengeroyok mbacok=membacok nglempar=melempar ngelempar=melempar
  dipukulin=dipukuli digebukin=dipukuli digebuki=dipukuli cewek=perempuan cowok=lakilaki bapak2=bapak
  kades=kades pilkada=pilkada tatu=luka kenek=kena kenak=kena wong=orang gelut=berkelahi neng=di
  diantemi=dipukuli dijotos=dipukul ditempeleng=dipukul dikeplak=dipukul kroyok=keroyok dikroyok=dikeroyok
  thd=terhadap trhdp=terhadap sbg=sebagai jd=jadi
  td=tadi ngancam=mengancam ngancem=mengancam nutup=menutup nyegel=menyegel mblokir=memblokir ngeblokir=memblokir
  gegeran=keributan mate=meninggal sempet=sempat
  `
    .split(/\s+/)
    .filter((pair) => pair.includes('='))
    .map((pair) => pair.split('=') as [string, string]),
);

const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  `
  nol=0 satu=1 seorang=1 sesorang=1 seekor=1 sebuah=1 dua=2 tiga=3 empat=4 lima=5 enam=6 tujuh=7
  delapan=8 sembilan=9 sepuluh=10 sebelas=11 seratus=100 siji=1 loro=2 telu=3 papat=4 limo=5 enem=6
  pitu=7 wolu=8 songo=9 sepoloh=10 rong=2 seribu=1000 satunya=1 keduanya=2 ketiganya=3 keempatnya=4 kelimanya=5
  `
    .split(/\s+/)
    .filter((pair) => pair.includes('='))
    .map((pair) => [pair.split('=')[0], Number(pair.split('=')[1])]),
);
const UNITS: Record<string, number> = { belas: 10, puluh: 10, ratus: 100 };
const VAGUE = new Set(
  `puluhan ratusan belasan ribuan beberapa sejumlah banyak bbrp sebagian segelintir berpuluh beratus akeh pirang`.split(
    ' ',
  ),
);

/** "RT 03", "TPS 05", "paslon 01", "no 2": after these words a number names something, it counts nothing. */
const LABEL_BEFORE = new Set(`rt rw tps no nomor nomer paslon dapil urut`.split(' '));

const TOKEN_RE = /\d{1,2}[.:]\d{2}(?![\d.])|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[.,;:!?()[\]"\n&/]/gu;
const CLAUSE_END = new Set(['.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\n']);
const SENTENCE_END = new Set(['.', '!', '?', '\n']);

/**
 * "antarwarga", "antar-kampung": the prefix written on to its noun (as news and the spelling rules write it)
 * reads as the two words the cue lists hold. Only before these nouns: "antara" and "antarkan" stay whole.
 */
const ANTAR_COMPOUND =
  /^antar-?(warga|kampung|desa|dusun|pelajar|pemuda|kelompok|geng|suporter|perguruan|pesilat|umat|suku|agama|keluarga|etnis|ormas|nelayan|sekolah|kubu|pendukung)$/;

/** Folds one lower-case word: reduplication marks go ("anak2" → "anak", "lempar2an" → "lemparan"). */
export function foldWord(lower: string): string {
  let w = lower.replace(/['’]/g, '');
  // "satu-satunya" (the only one) is no number, unlike "satunya" (one of them)
  if (/^satu(?:-|2)?satunya$/.test(w)) return 'satusatunya';
  const redup = /^(\p{L}+)2(\p{L}*)$/u.exec(w) ?? /^(\p{L}+)-\1(\p{L}*)$/u.exec(w);
  if (redup) w = redup[1] + redup[2];
  const compound = ANTAR_COMPOUND.exec(w);
  if (compound) return `antar ${compound[1]}`;
  return FOLD[w] ?? w;
}

function numberOf(word: string): { value: number | null; vague: boolean } {
  if (VAGUE.has(word)) return { value: null, vague: true };
  const digits = /^(\d{1,5})(?:an)?$/.exec(word);
  if (digits) return { value: Number(digits[1]), vague: false };
  if (word in NUMBER_WORDS) return { value: NUMBER_WORDS[word] ?? null, vague: false };
  return { value: null, vague: false };
}

/** Splits a message into tokens with offsets, folded forms, numbers and clause/sentence indices. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  /** The number word last added to a compound number ("seratus dua"), which a following unit multiplies. */
  const lastPart = new Map<Token, number>();
  let clause = 0;
  let sentence = 0;
  let depth = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index ?? 0;
    if (raw.length === 1 && CLAUSE_END.has(raw)) {
      // a dot inside a number or after an abbreviation (ds. kec.) ends neither a clause nor a sentence
      const prev = tokens.at(-1);
      const abbreviation =
        raw === '.' &&
        prev !== undefined &&
        /^(desa|kecamatan|kelurahan|kabupaten|dusun|jalan|kota)$/.test(prev.norm) &&
        prev.raw.toLowerCase() !== prev.norm;
      if (abbreviation) continue;
      if (raw === '(' || raw === '[') depth += 1;
      if ((raw === ')' || raw === ']') && depth > 0) depth -= 1;
      clause += 1;
      if (SENTENCE_END.has(raw)) sentence += 1;
      continue;
    }
    if (raw === '/') continue;
    const lower = raw === '&' ? 'dan' : raw.toLowerCase();
    let norm = foldWord(lower);
    const { value, vague } = numberOf(norm);
    // "dua puluh", "tiga belas"
    const prev = tokens.at(-1);
    if (prev && prev.value !== null && norm in UNITS && prev.clause === clause) {
      // "seratus dua puluh": the unit applies to the last part only
      const part = lastPart.get(prev) ?? prev.value;
      const head = prev.value - part;
      prev.value = head + (norm === 'belas' ? part + 10 : part * (UNITS[norm] ?? 1));
      lastPart.delete(prev);
      prev.end = start + raw.length;
      prev.raw = text.slice(prev.start, prev.end);
      continue;
    }
    // "dua puluh lima", "seratus dua puluh": a number word after a tens or hundreds word adds to it
    const place = prev ? /(?:puluh|ratus)$/.exec(prev.raw.toLowerCase()) : null;
    if (
      prev &&
      place &&
      prev.value !== null &&
      value !== null &&
      norm in NUMBER_WORDS &&
      prev.clause === clause
    ) {
      const below = place[0] === 'ratus' ? 100 : 10;
      if (value < below && prev.value % below === 0) {
        prev.value += value;
        lastPart.set(prev, value);
        prev.end = start + raw.length;
        prev.raw = text.slice(prev.start, prev.end);
        continue;
      }
    }
    if (/^\d{1,2}[.:]\d{2}$/.test(raw)) norm = 'jam';
    // a label, not an amount: its digits are kept out of every number rule ("RT 03 ds." is no "3 desa")
    const label = /^\d+$/.test(raw) && prev?.clause === clause && LABEL_BEFORE.has(prev.norm);
    if (label) norm = 'nomor';
    tokens.push({
      raw,
      norm,
      start,
      end: start + raw.length,
      value: label ? null : value,
      vague,
      capital: /^\p{Lu}/u.test(raw),
      clause,
      sentence,
      bracketed: depth > 0,
    });
  }
  return tokens;
}

/** A place name as a lookup key: lower case letters and digits only ("Tanggul Wetan" → "tanggulwetan"). */
export function placeKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

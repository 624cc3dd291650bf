// Who is affected: the vulnerable groups among victims and people at risk (never perpetrators). The numbers of
// injured, dead and displaced people are read in counts.ts.
import type { VulnerableGroup } from '../reports/report-schema.ts';
import { type Doc, findAll, list, type Span, words } from './doc.ts';
import type { Token } from './tokens.ts';

export type GroupReading = { group: VulnerableGroup; spans: Span[]; confidence: number };

const GROUP_TERMS: Record<VulnerableGroup, RegExp> = {
  anak: words(`
    anak kecil | anak | balita | batita | bayi | bocah | bocil | siswa | siswi | murid | santri kecil |
    santriwati kecil | pelajar sd | pelajar smp | anak sd | sd | tpq | paud | di ?bawah umur | yatim |
    balitanya | bayinya | anaknya | anak lakinya | anak perempuannya | cucu | cucunya
  `),
  lansia: words(`
    lansia | jompo | sepuh | mbah | mbahnya | kakek | nenek | renta | orang tua renta | orangtua renta |
    uzur | eyang | simbah | lanjut usia
  `),
  ibu_hamil: words(`ibuhamil | hamil | melahirkan | hamil tua | ibu bersalin | nifas`),
  disabilitas: words(`
    disabilitas | difabel | tuna ?(?:netra|rungu|daksa|wicara|grahita) | kursi roda | lumpuh | cacat |
    odgj | gangguan jiwa | berkebutuhan khusus | buta | tuli | bisu | stroke
  `),
  fakir_miskin: words(`
    miskin | pra ?sejahtera | tidak mampu | kurang mampu | pkh | bpnt | kpm | dhuafa | duafa | gakin |
    penerima (?:bansos|blt|bantuan) | fakir | papa | penerima manfaat
  `),
};
/** "anak buah", "penculik anak", "anak muda": other meanings of a word. */
const OTHER_MEANING = words(`
    anak buah | anak muda | penculik anak | penculikan anak | anak ?anak muda | anak punk | anak cabang
    | anak perusahaan | anak kos | anak kost | anak ranting | anak usaha | wali murid | anak didik |
    perlindungan anak | sesepuh | sd negeri | lulusan sd | lumpuh total | melumpuhkan |
    (?:lalu lintas|jalan|jalur|aktivitas|ekonomi|perekonomian|arus)(?: [^ ,.]+){0,5} lumpuh
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
/** Arrest in the active voice: the people it is done to ("polisi mengamankan lima siswa") are perpetrators. */
const ARREST = new Set(
  list(`
    mengamankan | menangkap | meringkus | membekuk | menciduk | menggiring | menetapkan | diamankan |
    ditangkap | tertangkap | diringkus | dibekuk | diciduk | digiring
  `),
);
/** "…, lima di antaranya masih di bawah umur": a part of the group named in the clause before. */
const PART_OF = new Set(list(`antaranya | diantaranya`));

/** True when the person is a part ("di antaranya") of a group arrested in the clause just before. */
function partOfArrested(tokens: readonly Token[], first: number): boolean {
  const here = tokens[first] as Token;
  let part = false;
  for (let j = first - 1; j >= 0 && tokens[j]?.clause === here.clause; j--)
    if (PART_OF.has(tokens[j]?.norm ?? '')) part = true;
  if (!part) return false;
  return tokens.some(
    (t) => t.clause === here.clause - 1 && t.sentence === here.sentence && ARREST.has(t.norm),
  );
}

/** Acts of provocation: the people who do them (the verb within five words after the person) ("anak2 … nantang", "bocah2 yg ikut komen") are not at risk. */
const PROVOKE = new Set(
  list(`
    nantang | menantang | ngejek | mengejek | ejek | komen | berkomentar | share | nyebar | menyebar |
    menyebarkan | posting | memposting | provokasi | memprovokasi | ngompori | mengompori | menghasut
  `),
);
/** What someone is accused of: the people it names ("dituduh nabrak anak") are not this conflict's victims. */
const ACCUSED = new Set(list(`dituduh | dikira | disangka | dicurigai | diduga | menuduh | nuduh | tuduhan`));
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

/** "anaknya yg masih kecil", "cucunya yang balita": a possessive child described as young. */
const YOUNG = new Set(list(`kecil | balita | bayi | sd | tk | paud | batita | bocah`));
function youngAfter(tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j <= Math.min(tokens.length - 1, i + 3); j++) {
    const t = tokens[j] as Token;
    if (t.clause !== tokens[i]?.clause) return false;
    if (YOUNG.has(t.norm)) return true;
    if (t.norm !== 'yang' && t.norm !== 'masih') return false;
  }
  return false;
}

/** True when the person is named in what someone is accused of, within the four words before in its clause. */
function inAccusation(tokens: readonly Token[], first: number): boolean {
  for (let j = first - 1; j >= Math.max(0, first - 4) && tokens[j]?.clause === tokens[first]?.clause; j--)
    if (ACCUSED.has(tokens[j]?.norm ?? '')) return true;
  return false;
}

/** True when the words around token i make the person a perpetrator (or the person is only in an accusation). */
function isPerpetrator(doc: Doc, first: number, last: number): boolean {
  if (inAccusation(doc.tokens, first) || partOfArrested(doc.tokens, first)) return true;
  const t = doc.tokens[first] as Token;
  for (let j = 0; j < doc.tokens.length; j++) {
    const u = doc.tokens[j] as Token;
    if (u.sentence !== t.sentence) continue;
    // "pelaku 4 org, 3 diantaranya msh pelajar SMP": the minors come after the word for the perpetrator
    if (PERPETRATOR.has(u.norm) && j < first) return true;
    // the subject of a provocation, within a few words after it and before any passive verb
    if (
      u.clause === t.clause &&
      j > last &&
      j <= last + 5 &&
      PROVOKE.has(u.norm) &&
      doc.tokens.slice(last + 1, j).every((b) => !b.norm.startsWith('di'))
    )
      return true;
    // "polisi mengamankan lima siswa SMP": the object of an arrest
    if (u.clause === t.clause && ARREST.has(u.norm) && j < first && j >= first - 4) return true;
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
        if ((age === null || age >= 18) && !youngAfter(doc.tokens, hit.last)) continue;
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

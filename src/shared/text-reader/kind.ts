// What kind of report a message is: something that physically happened (kejadian) or a sign of tension (sinyal).
// Event words count only when no plan, negation, rumour or past time governs them; each hit is kept as evidence.
import type { ReportKind } from '../reports/report-schema.ts';
import { type Choice, type Doc, findAll, type Hit, list, tokenHits, words } from './doc.ts';
import { affixed, reciprocal } from './morphology.ts';
import type { Token } from './tokens.ts';

/** Verbs of violence, found in all their affixed forms (dipukul, memukul, pemukulan, kepukul, saling pukul). */
const VIOLENT_STEMS = list(`
    pukul | serang | bakar | lempar | bacok | tusuk | keroyok | aniaya | rusak | usir | tembak | jarah |
    tendang | hajar | bunuh | culik | sandera | dobrak | sabet | tikam | hantam | siram | gebuk | tampar |
    rampas | serbu | kepung | geruduk | celurit | clurit | tebas | bubar | hadang | cegat | aniaya |
    adang | jegal | serobot | gerebek
  `);

/** Something physically happened: one of these words, not said of the future, makes a message a kejadian. */
const STRONG_EVENT = words(`
    aksi | unjuk rasa | berunjuk rasa | menggelar aksi | menyegel | disegel | segel | penyegelan | pengusiran |
    menganiaya | bacok | ditusuk | menusuk | dikepung | mengepung | digeruduk | menggeruduk | geruduk |
    ngluruk | sweeping | merampas | dirampas | penghadangan | pengepungan | hangus | terlibat bentrok |
    bentrok | bentrokan | ricuh | kericuhan | luka | terluka | memar | lecet | lebam | sobek | meninggal
    | tewas | dipukul | dipukuli | mukul | memukul | dikeroyok | pengeroyokan | mengeroyok | merusak |
    rusak | perusakan | pengrusakan | dibakar | membakar | bakar ban | terbakar | dilempar | dilempari |
    saling lempar | lempar batu | lemparan batu | diserang | menyerang | diblokir | blokir | memblokade
    | memblokir | blokade | diblokade | pemblokiran | dipalang | dibongkar | dibongkar paksa | digusur | mengungsi | duel | tawuran | perang
    sarung | carok | pembacokan | dibacok | penganiayaan | dianiaya | dihakimi | main hakim sendiri |
    ditendang | didorong | saling dorong | dorong ?dorongan | adu pukul | adu jotos | dihadang |
    menghadang | dicegat | ditahan | dijebol | dirobohkan | kejar ?kejaran | diusir | usir paksa |
    keserempet | pingsan | pecah | retak | longsoran | ngamuk | ditembak | gas
    air mata | dibawa lari | didobrak | terinjak | berhamburan | tangkap | menangkap | pemukulan |
    pembunuhan | dibunuh | diculik | lemparan | lempar ?lemparan | tarik ?tarikan | diamankan |
    dibubarkan | menyerahkan diri | ditolak | tertahan | datangi | mendatangi | didatangi | demo | unjuk
    rasa | mogok | menduduki | ditutup | menutup | tutup | penertiban | dirawat | dibawa ke | dievakuasi
    | terjebak | terpisah | sesak napas | kena | syok | dipindah | lempar | jatuh | terjatuh | dirusak |
    dipisah | dipisahkan | dilerai | diserbu | menyerbu | keributan | perkelahian | dorong | cekcok |
    berkelahi | babak belur | bonyok | kritis | menahan (?:truk|mobil|kendaraan|kapal|alat|petugas|rombongan|bus|pekerja|awak) | menghalangi | dihentikan paksa |
    menghentikan paksa | diarak | didemo | mendemo | (?:mem)?bongkar paksa | penggusuran | menggusur | gusur paksa | kehilangan tempat (?:tinggal|jualan|usaha) |
    dicabuti | dicabut paksa | (?:saling )?tarik(?:an)? (?:kerah|baju|rambut) | duduki | diduduki | pendudukan | dibawa kabur | direbut paksa | dikejar(?! (?:utang|hutang|target|waktu|deadline))
  `);
const VIOLENT_FORMS = new Set(affixed(VIOLENT_STEMS));
const VIOLENT_STEM_SET = new Set(VIOLENT_STEMS);

/** Strong event words: the list above, every affixed verb of violence, and "saling <stem>". */
function strongEvents(doc: Doc): Hit[] {
  const hits = [...findAll(doc, STRONG_EVENT), ...tokenHits(doc, VIOLENT_FORMS)];
  doc.tokens.forEach((t, i) => {
    if (!reciprocal(doc.tokens, i, VIOLENT_STEM_SET)) return;
    const index = doc.starts[i - 1] ?? 0;
    const prev = doc.tokens[i - 1] as Token;
    hits.push({
      index,
      end: (doc.starts[i] ?? 0) + t.norm.length,
      first: i - 1,
      last: i,
      span: [prev.start, t.end],
    });
  });
  return hits;
}
/** "tdk ada pemukulan, cuma adu mulut": the message says nothing physical happened. */
const NON_PHYSICAL = words([
  '(?:tidak|belum) (?:ada|sampai|terjadi) (?:kontak fisik|kekerasan|pemukulan|bentrok|bentrokan|baku hantam|adu fisik)',
  '(?:cuma|hanya|sebatas|sekadar) (?:adu mulut|cekcok|adu argumen|debat)',
  'tanpa kekerasan',
]);
/** Words that say people were kept apart or quarrelled, which a statement like the above outweighs. */
const KEPT_APART = new Set(list(`dipisah | dipisahkan | dilerai | cekcok | keributan | ribut | dorong`));

/** Weak signs: a quarrel, a seizure, damage to a banner; they make a kejadian only with a strong one. */
const WEAK_EVENT = words(`
    ribut | disita | dicoret | panik | protes | menolak | terjadi | bertahan | ditebang | rebutan |
    ketakutan | trauma | diancam | dilaporkan | dituduh | dipotong | dipangkas
  `);
/** What is only damaged banners and posters is tension, not an incident. */
const MINOR_OBJECT = words(`baliho | spanduk | apk | poster | stiker | bendera | pamflet`);
/** Closing off with a wall or a fence is an owner's act over access, a dispute; a blockade uses anything else. */
const CLOSING = new Set(list(`menutup | ditutup | tutup | penutupan | memagari | dipagari | dipagar`));
const BUILT = new Set(list(`tembok | pagar | dinding | beton`));
function walledOff(doc: Doc, h: Hit): boolean {
  const t = doc.tokens;
  if (!CLOSING.has(t[h.first]?.norm ?? '')) return false;
  for (
    let j = h.last + 1;
    j <= Math.min(t.length - 1, h.last + 5) && t[j]?.clause === t[h.first]?.clause;
    j++
  )
    if (BUILT.has(t[j]?.norm ?? '')) return true;
  return false;
}
/** "wilayah tangkap", "alat tangkap": a fisherman's catch, not an arrest. */
const CATCH_NOUN = new Set(list(`wilayah | area | zona | alat | hasil | daerah | jalur | kapal | perahu`));
/** What is refused here is a plan or words ("sosialisasi PLTU ditolak"), not people turned back: a word of
 * these anywhere before "ditolak" in its clause (the subject of the passive opens the clause). */
const PROPOSAL = new Set(
  list(`
    sosialisasi | rencana | usulan | usul | proposal | pembangunan | pendirian | permohonan | permintaan |
    ajakan | tawaran | gugatan | laporan | izin | pengajuan | program | kebijakan | mediasi | pertemuan |
    undangan | tuntutan | aspirasi | gagasan | proyek | perda | aturan | keputusan | hasil
  `),
);
function notAnAct(doc: Doc, h: Hit): boolean {
  const t = doc.tokens;
  const w = t[h.first]?.norm;
  if (w === 'tangkap') return CATCH_NOUN.has(t[h.first - 1]?.norm ?? '');
  if (w !== 'ditolak') return false;
  for (let j = h.first - 1; j >= 0 && t[j]?.clause === t[h.first]?.clause; j--)
    if (PROPOSAL.has(t[j]?.norm ?? '')) return true;
  return false;
}
/** Violence seen in a circulating video or post is what the content shows, not what happened here. */
const DEPICTION = words(`video | rekaman | foto | postingan | unggahan | konten | gambar`);
/** An incident that was settled is a kejadian; a rumour that was cleared up stays a sinyal. */
const SETTLED = words(`
    selesai | diselesaikan | dimusyawarahkan | didamaikan | dimediasi | surat damai | kekeluargaan |
    minta maaf | berdamai | islah | berita acara | kesepakatan damai | sepakat damai | perjanjian damai
  `);
const CLEARED = words(`
    hoaks | hoax | tidak terbukti | salah info | diklarifikasi | klarifikasi | dibatalkan | isu | kabar
    | rencana | menyesatkan | kejadian lama | video lama | tidak benar
  `);
const FUTURE = new Set(
  list(`
    mau | akan | ancam | mengancam | ancaman | rencana | berencana | rawan | siap | bakal | kalau | jika |
    balas | membalas | balasan | buntut | pernah | terulang
    | takut | khawatir | dikhawatirkan | kuatir | isu | hoaks | hoax | ajakan | ajak | ngajak | seruan |
    tantangan | nantang | katanya | kabar | info | potensi | jangan | bisa | tuduh | menuduh | awas |
    gantian | tidak | belum | nuduh | beredar | tolak | soal | agar | supaya | minta | lusa | besok |
    untuk | buat | ingin | hendak | siap | tantang | bila | nanti | pekan | minggu | depan | ancamannya
    | rawan | bahwa | akan | dianggap | berupaya | mencoba | coba | tanpa | wacana | nyaris | hampir |
    rencananya | berniat | bermaksud | janjian | janji | dituduh | disangka | dicurigai | seandainya | dicegah | berpotensi | mencegah | pencegahan |
    antisipasi | mengantisipasi | menghindari | diminta | meminta | mengimbau | diimbau | imbauan
  `),
);
/** Words that end the reach of a plan, a negation or an accusation: "tdk terima langsung mendatangi", "tdk bisa
 * lewat krn diblokir", "dituduh maling lalu dikeroyok". */
const SCOPE_END = new Set(
  list(
    `karena | sebab | gara | akibat | langsung | sehingga | hingga | kemudian | lalu | malah | akhirnya | tapi | namun | padahal`,
  ),
);
/** "menolak rencana tambang": after these words "rencana" names a plan (a noun), it does not make a verb future. */
const PLAN_AS_NOUN = new Set(
  list(
    `menolak | tolak | nolak | protes | memprotes | soal | tentang | terkait | atas | keberatan | menentang | penolakan`,
  ),
);
const NEGATION = new Set(list(`tidak | belum | tanpa | bukan | jangan`));
/** Words a negation reaches across: "tidak sampai bentrok", "belum ada yang dipukul", "tidak jadi diblokir". */
const NEGATION_BRIDGE = new Set(
  list(
    `ada | sampai | terjadi | pernah | jadi | sempat | bisa | boleh | mau | akan | yang | lagi | sama sekali`,
  ),
);
/** A rumour's content: after these words the rest of the sentence is what is said, not what happened. */
const HEARSAY = new Set(list(`beredar | kabar | kabarnya | isu | isunya | gosip | rumor | hoaks | hoax`));
/** After the event word, in its clause: a time to come or a condition ("mulai senin", "kalau tdk dipenuhi"). */
const DAY = new Set(list(`senin | selasa | rabu | kamis | jumat | sabtu | minggu | besok | pekan | bulan`));
const SIGNAL = words(`
    isu | hoaks | hoax | beredar | rencana | berencana | ancam | ancaman | mengancam | provokasi |
    provokatif | ajakan | seruan | jelang | menjelang | resah | kuatir | khawatir | rawan | siaga |
    tantangan | nantang | saling ejek | ejek | selebaran | postingan | medsos | grup wa | video | akun |
    pesan berantai | saling sindir | memanas | tegang | ketegangan | h-\\d | mau | akan | nanti malam |
    malam ini | besok | lusa | pekan depan | minggu depan | tidak terbukti | dibatalkan | salah info |
    spanduk | keberatan | tuduhan | dituduh | digugat | saling lapor | dilaporkan | menolak | tolak |
    penolakan | dipantau | media sosial | menyesatkan | terprovokasi | kejadian lama | video lama |
    tidak benar
  `);

/** Places online: what is done there ("ngamuk di kolom komentar", "perang di medsos") is not physical. */
const ONLINE = new Set(
  list(
    `kolom | komentar | medsos | grup | facebook | fb | wa | whatsapp | instagram | ig | tiktok | twitter | dunia | akun | status | story`,
  ),
);

/** A demand or an ultimatum governs the rest of its clause: "kasih waktu 3x24 jam ke polisi tangkap pelaku". */
const DEMAND = new Set(list(`tuntut | menuntut | tuntutan | desak | mendesak | desakan | ultimatum`));
const GIVE = new Set(list(`kasih | beri | memberi | diberi | memberikan | dikasih`));
/** Words that disperse or hold people back: "dibubarkan sebelum bentrok" says the clash was prevented. */
const HELD_OFF = new Set(
  list(
    `dibubarkan | bubar | membubarkan | dilerai | dipisah | dipisahkan | dihalau | diredam | dicegah | dihalangi`,
  ),
);
/** Words of a clash that nearly happened or was only threatened, before people were held apart. */
const NEAR_MISS = new Set(list(`nyaris | hampir | ancam | mengancam`));
/** A death that is no act of violence: "meninggal mendadak", "tewas ditabrak truk", "meninggal krn sakit". */
const DEATH = new Set(list(`meninggal | tewas | wafat | mati`));
const NOT_VIOLENT_DEATH = new Set(
  list(`mendadak | sakit | kecelakaan | ditabrak | tertabrak | tenggelam | tersengat | terseret | wajar`),
);

/** A death said to have another cause than violence (within the three words after it). */
export function nonViolentDeath(tokens: readonly Token[], i: number): boolean {
  if (!DEATH.has(tokens[i]?.norm ?? '')) return false;
  for (let j = i + 1; j <= Math.min(tokens.length - 1, i + 3); j++) {
    const u = tokens[j] as Token;
    if (u.clause !== tokens[i]?.clause) break;
    if (NOT_VIOLENT_DEATH.has(u.norm)) return true;
  }
  return false;
}

/**
 * Sentences that open with a time long past ("tahun lalu …", "dulu …", "thn 2019 …"): an incident recalled as
 * the reason for worry. Everything in such a sentence, in all its clauses, is that old incident.
 */
export function recalledSentences(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev && prev.sentence === t.sentence) return;
    const a = t.norm;
    const b = tokens[i + 1]?.sentence === t.sentence ? (tokens[i + 1]?.norm ?? '') : '';
    const c = tokens[i + 2]?.sentence === t.sentence ? (tokens[i + 2]?.raw ?? '') : '';
    const opens = (x: string, y: string, z: string) =>
      x === 'dulu' ||
      x === 'dahulu' ||
      ((x === 'tahun' || x === 'bulan') && (y === 'lalu' || y === 'kemarin' || /^(19|20)\d\d$/.test(z)));
    if (
      opens(a, b, c) ||
      ((a === 'pada' || a === 'sejak') && opens(b, c.toLowerCase(), tokens[i + 3]?.raw ?? ''))
    )
      out.add(t.sentence);
    // "thn 2019": the year right after the unit
    if ((a === 'tahun' || a === 'pada') && /^(19|20)\d\d$/.test(tokens[i + 1]?.raw ?? ''))
      out.add(t.sentence);
  });
  return out;
}

/** Time past and completed aspect: "semalam", "tadi", "kemarin", "barusan", "sempat", "telah". */
const DONE = new Set(list(`semalam | tadi | kemarin | barusan | sempat | telah | kemarin malam | dini`));

/** "tahun lalu", "bulan lalu", "dulu": a past incident recalled as the reason for worry, not this report's. */
const PAST_UNIT = new Set(list(`tahun | bulan | minggu | pekan | kemarin`));

function notFuture(doc: Doc, hits: Hit[]): Hit[] {
  const t = doc.tokens;
  const recalled = recalledSentences(t);
  return hits.filter((h) => {
    const here = t[h.first];
    if (!here) return false;
    if (recalled.has(here.sentence)) return false;
    // "stlh 2 warga meninggal mendadak": a death by illness or accident is no event of the conflict
    if (nonViolentDeath(t, h.first)) return false;
    // "dibubarkan babinsa sblm bentrok": what came "before" a clash did not happen, nor did the clash
    for (let j = h.first - 1; j >= 0 && t[j]?.clause === here.clause; j--) {
      if (t[j]?.norm === 'sebelum') return false;
      if (!NEGATION_BRIDGE.has(t[j]?.norm ?? '')) break;
    }
    if (HELD_OFF.has(here.norm)) {
      for (let j = h.last + 1; j < t.length && t[j]?.clause === here.clause; j++)
        if (t[j]?.norm === 'sebelum') return false;
      // "nyaris bentrok, berhasil dilerai", "saling ancam …, tp dilerai": people held apart before anything
      for (let j = h.first - 1; j >= 0 && t[j]?.sentence === here.sentence; j--)
        if (NEAR_MISS.has(t[j]?.norm ?? '')) return false;
    }
    // a demand governs the rest of its clause: "menuntut polisi menangkap pelaku pengeroyokan"
    for (let j = h.first - 1; j >= 0 && t[j]?.clause === here.clause; j--) {
      const u = t[j] as Token;
      if (DEMAND.has(u.norm) || (u.norm === 'waktu' && GIVE.has(t[j - 1]?.norm ?? ''))) return false;
    }
    for (let j = h.first - 1; j >= Math.max(0, h.first - 4); j--) {
      const u = t[j];
      if (!u || u.clause !== here.clause) break;
      if (u.norm === 'dulu' || u.norm === 'silam') return false;
      if (u.norm === 'lalu' && PAST_UNIT.has(t[j - 1]?.norm ?? '') && t[j - 1]?.clause === u.clause)
        return false;
      if (SCOPE_END.has(u.norm)) break;
      if (u.norm === 'rencana' && PLAN_AS_NOUN.has(t[j - 1]?.norm ?? '')) continue;
      // a negation governs the word right after it ("tidak sampai bentrok"), not "org tak dikenal merusak"
      if (NEGATION.has(u.norm) && !t.slice(j + 1, h.first).every((b) => NEGATION_BRIDGE.has(b.norm)))
        continue;
      if (FUTURE.has(u.norm)) return false;
    }
    // "beredar kabar ada pesilat dibacok ...": the content of a rumour, unless a later clause says its own
    // event was done ("isu penculikan …, sopir travel sempet dihadang")
    const doneHere = t.some((u) => u.clause === here.clause && DONE.has(u.norm));
    for (let j = h.first - 1; j >= 0 && t[j]?.sentence === here.sentence; j--)
      if (HEARSAY.has(t[j]?.norm ?? '') && !(doneHere && t[j]?.clause !== here.clause)) return false;
    // after the word, in its clause: "bentrok thn 2019", "2 bulan lalu", "mulai senin", "kalau tdk dipenuhi"
    for (let j = h.last + 1; j <= Math.min(t.length - 1, h.last + 6); j++) {
      const u = t[j] as Token;
      if (u.clause !== here.clause) break;
      const next = t[j + 1]?.clause === u.clause ? t[j + 1]?.norm : undefined;
      if (u.norm === 'dulu' || u.norm === 'silam') return false;
      if (
        (u.norm === 'tahun' || u.norm === 'bulan') &&
        (next === 'lalu' || /^(19|20)\d\d$/.test(t[j + 1]?.raw ?? ''))
      )
        return false;
      if (/^(kalau|jika|apabila|bila|besok|lusa|nanti)$/.test(u.norm)) return false;
      // "ngamuk di kolom komentar": a fight online is words, not a physical event
      if (u.norm === 'di' && next !== undefined && ONLINE.has(next)) return false;
      // "bentrokan dapat dicegah": what was prevented did not happen
      if (/^(dicegah|dihindari|digagalkan|terhindarkan|terhindari|diantisipasi)$/.test(u.norm)) return false;
      if (u.norm === 'mulai' && next !== undefined && DAY.has(next)) return false;
      if (u.norm === 'depan' && /^(pekan|minggu|bulan|tahun)$/.test(t[j - 1]?.norm ?? '')) return false;
    }
    return true;
  });
}

export function readKind(doc: Doc): Choice<ReportKind> {
  const minor = findAll(doc, MINOR_OBJECT);
  // a banner near the word, or anywhere before it in its clause ("APK caleg di sepanjang jalan … dirusak")
  const nearMinor = (h: Hit) =>
    minor.some(
      (m) =>
        (m.first < h.first || m.first - h.first <= 6) &&
        doc.tokens[m.first]?.clause === doc.tokens[h.first]?.clause,
    );
  const depictions = findAll(doc, DEPICTION);
  const depicted = (h: Hit) =>
    depictions.some(
      (m) =>
        m.first < h.first &&
        h.first - m.first <= 8 &&
        doc.tokens[m.first]?.sentence === doc.tokens[h.first]?.sentence,
    );
  const nonPhysical = findAll(doc, NON_PHYSICAL).length > 0;
  const strong = notFuture(doc, strongEvents(doc)).filter(
    (h) =>
      !nearMinor(h) &&
      !depicted(h) &&
      !walledOff(doc, h) &&
      !notAnAct(doc, h) &&
      !(nonPhysical && KEPT_APART.has(doc.tokens[h.first]?.norm ?? '')),
  );
  // "dilempari batu semalam", "sempat saling dorong": a word of time past or done marks what happened
  const doneClauses = new Set(doc.tokens.filter((u) => DONE.has(u.norm)).map((u) => u.clause));
  const done = (h: Hit) => doneClauses.has(doc.tokens[h.first]?.clause ?? -1);
  const doneCount = strong.filter(done).length;
  const weak = notFuture(doc, findAll(doc, WEAK_EVENT));
  // a settlement to come ("bsk mau diselesaikan di lapangan") is no settlement
  const settled = notFuture(doc, findAll(doc, SETTLED));
  const cleared = findAll(doc, CLEARED);
  const signals = findAll(doc, SIGNAL);
  // an incident that was settled is a follow-up of a kejadian; a cleared rumour stays a sinyal
  const settledIncident = settled.length > 0 && cleared.length === 0;
  const eventScore = strong.length * 2 + doneCount + weak.length * 0.5 + (settledIncident ? 2 : 0);
  const signalScore = signals.length;
  if (eventScore >= 2 && eventScore + 1 >= signalScore) {
    const spans = [...strong, ...(settledIncident ? settled : [])].map((h) => h.span);
    return { value: 'kejadian', spans, confidence: Math.min(0.95, 0.55 + eventScore / 20) };
  }
  return {
    value: 'sinyal',
    spans: signals.map((h) => h.span),
    confidence: Math.min(0.9, 0.5 + (signalScore - eventScore) / 10),
  };
}

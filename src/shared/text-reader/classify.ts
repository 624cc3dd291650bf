// Which of the nine conflict types a message speaks of, how urgent it is, and whether violence is still going
// on: weighted cue words over the folded text, each hit kept as evidence. The kind is read in kind.ts.
import type { ConflictType, ReportKind } from '../reports/report-schema.ts';
import { type Choice, type Doc, findAll, type Hit, list, words } from './doc.ts';

export type { Choice } from './doc.ts';
export type Urgency = 'segera' | 'tinggi' | 'sedang' | 'rendah';
/** unless: a cue that does not count when these words are also in the message. */
type Cue = { re: RegExp; weight: number; unless?: RegExp };

const cue = (weight: number, alternatives: string[]): Cue => ({ re: words(alternatives), weight });

const SILAT = list(`
    perguruan | pesilat | silat | psht | pagar nusa | pagarnusa | setia hati | sh terate | sh winongo |
    shw | iks | kera sakti | tapak suci | padepokan | pengesahan | suran | suroan | perguruan silat |
    ikatan keluarga silat | persaudaraan setia hati
  `);
const SILAT_OTHER = list(`
    duel | \\d+ kelompok | dua kelompok | kedua kelompok | perguruan[^,.]{0,30} diserang | tugu | balas
    | perguruan lain | perguruan lawan | perguruan sebelah | beda perguruan | antar perguruan | antarperguruan | antar
    kelompok perguruan | \\d+ perguruan | dua perguruan | kedua perguruan | perguruan berbeda | psht vs
    | vs psht | pagar nusa vs | vs pagar nusa | kelompok lain | perguruan rival |
    (?:pengeroyokan|pembacokan|pemukulan|penganiayaan|dikeroyok|dibacok|dipukul|mengeroyok) (?:\\S+ ){0,2}anggota perguruan |
    antar anggota perguruan | tugu perguruan | tugu kecil milik | atribut perguruan lain | kaos
    perguruan lain | sesama pesilat | antar pesilat | pesilat lain | perguruan yang berbeda | balas
    pemukulan anggota | kaos perguruan | nantang perguruan | tawuran | kaus perguruan lain | kaus
    perguruan | seragam perguruan lain | atribut perguruan |
    (?:ngluruk|menyerang|nyerang|serang|geruduk|menggeruduk|mendatangi|datangi|sweeping|merusak|dirusak|diserang|digeruduk)(?: [^ ,.]+){0,2} (?:ke )?(?:padepokan|sekretariat perguruan|sekretariat ranting|pos ranting)
  `);
const SILAT_WARGA = list(`
    warga | pengendara | pedagang | pemilik warung | hansip | warung | rumah warga | spanduk tolak
    konvoi | penolakan | tolak konvoi | pemuda setempat | pengunjung | penonton | rute | jalan desa |
    gang | siswa | ngejek | nongkrong | pos kamling | larangan konvoi | menegur | negur | pawai
  `);

/** The passive forms of the verbs of violence (dipukul, dipukuli, dilempari, dibacok). */
const PASSIVE_VIOLENCE = list(`
    pukul | serang | bakar | lempar | bacok | tusuk | keroyok | aniaya | rusak | usir | tendang | hajar |
    sabet | gebuk | hadang | cegat | kejar
  `)
  .flatMap((s) => [`di${s}`, `di${s}i`])
  .join('|');

/** "batas pagar rumah": the border of a house or a yard is a neighbours' matter (a field's border may be a desa's). */
const HOUSE_BORDER = '(?:pagar|rumah|pekarangan|tembok|kavling)';
/** "batas sawah antarkeluarga": a border said to lie between families or neighbours is their matter, not a desa's. */
const BETWEEN_KIN = '(?: [^ ,.]+){0,2} antar (?:keluarga|tetangga|saudara)';

const TYPE_CUES: Record<ConflictType, Cue[]> = {
  antar_perguruan_silat: [],
  perguruan_silat_vs_warga: [],
  antar_suporter: [
    cue(
      6,
      list(`
    suporter | supporter | bonek | bonekmania | aremania | arema | persebaya | persela | persik |
    deltamania | ultras | laskar | jakmania | bobotoh | the jakmania | persewangi | pendukung klub
  `),
    ),
    cue(
      3,
      list(`
    stadion | derby | laga | liga \\d | liga | pertandingan | sepak bola | sepakbola | turnamen | tim
    tamu | tuan rumah | klub | final | penonton bola | tiket | tawuran
  `),
    ),
  ],
  pilkades_pemilu: [
    cue(
      6,
      list(`
    pilkades | pemilu | pilkada | pilbup | pilgub | pileg | pilpres | caleg | calon kades | calon kepala
    desa | kotak suara | surat suara | tps | kpu | bawaslu | panwas | panwascam | ppk | apk | timses |
    tim sukses | paslon | rekap | rekapitulasi | coblosan | pemungutan suara | politik uang | serangan
    fajar | money politic | baliho caleg | kampanye
  `),
    ),
    cue(2, list(`kades terpilih | calon | kubu | baliho | pendukung calon | suara`)),
  ],
  sengketa_lahan_sda: [
    cue(
      4,
      list(`
    tambang | penambang | penambangan | galian | tambang pasir | pasir besi | perkebunan | hgu | ptpn |
    perhutani | reklamasi | migas | sumber air | mata air | irigasi | pengeboran | bom ikan | area
    tangkap | wilayah tangkap | lahan garam | tambak | hutan | penggusuran | tanah kas desa | sengketa
    lahan | sengketa tanah | ganti rugi | lahan | pembebasan lahan | marmer | tambang emas | alat berat
    | pabrik air | nelayan luar | kapal dari luar | kebun | petani penggarap | penggarap | cantrang |
    pukat | alat tangkap | zona tangkap | wilayah perairan | air sumur | sumur | air bersih | pipa air |
    saluran air | rebutan air | pengembang | developer | pencemaran | polusi | tercemar | debu | limbah |
    tanahnya | lahannya | (?:ngaku|mengaku|klaim|mengklaim|diklaim) (?:[^ ,.]+ ){0,2}(?:tanah|lahan)(?:nya)?
  `),
    ),
    cue(
      2,
      list(`
    tanah | nelayan | petani | air | sungai | pantai | laut | pengukuran | patok | sawah | csr | proyek | perairan | melaut | perahu | kapal
  `),
    ),
  ],
  sara_agama: [
    cue(
      5,
      list(`
    gereja | masjid | mushola | musholla | musala | klenteng | pura | vihara | agama | aliran sesat |
    sesat | menyimpang | kristenisasi | islamisasi | natal | umat | fkub | ibadah | jemaat | syiah |
    ahmadiyah | suku | etnis | non ?muslim | pengajian | ceramah | penistaan | hindu | kristen | katolik
    | budha | buddha | konghucu | rumah ibadah | tempat ibadah | pendeta | kemenag | lintas agama |
    tokoh agama | adat | tengger | pemakaman | jenazah | pengeras suara | toa | azan | adzan | madura |
    tionghoa | cina | pendatang | guru ngaji | dakwah | kafir | murtad | penodaan | nabi | rasul |
    rasulullah | al-?quran | alquran | quran | kitab suci | ulama | kiai | kyai | habib | kebaktian | misa |
    takmir | jamaah | jemaah | majelis taklim | penceramah | penghinaan agama | aliran kepercayaan |
    penghayat | penganut | pondok pesantren | ponpes | puasa | ramadan | ramadhan | tarawih
  `),
    ),
  ],
  antarwarga: [
    cue(
      5,
      list(`
    carok | santet | dukun santet | tenung | warisan | main hakim sendiri | dihakimi | amuk massa |
    diamuk massa | dendam | utang | hutang | antar keluarga | keributan keluarga | perkelahian antar
    keluarga | tetangga | tetangganya | maling | dituduh maling | perselingkuhan | selingkuh | sound
    horeg | pencurian | dikira maling | dipukuli warga | dikeroyok warga | diamuk warga | penculik |
    penculikan | dikira | sewa | sengketa sewa | kontrakan | rumah petak | antar kampung | antar dusun |
    antar pemuda | antar warga | batas pekarangan | batas ${HOUSE_BORDER} | kakak beradik | kakak adik | adik kakak | saudara kandung | sepupu | ipar
    | mertua | menantu
  `),
    ),
    // two families or neighbourhoods against each other; a mob against one offender ("pukuli sopirnya")
    cue(5, [
      '(?:\\d+|dua|kedua|antar) (?:keluarga|rt|rw|gang)(?: [^ ,.]+){0,6} (?:keributan|ribut|cekcok|bertengkar|berseteru|bentrok|berkelahi|saling)',
      '(?:keributan|ribut|cekcok|pertengkaran|perseteruan|bentrok|perkelahian) (?:antara |antar )?(?:\\d+|dua|kedua) (?:keluarga|rt|rw|gang)',
      '(?:pukuli|memukuli|hajar|menghajar|hakimi|menghakimi|keroyok|mengeroyok|aniaya|menganiaya) (?:[^ ,.]+ )?(?:sopir|sopirnya|pengemudi|pelaku|terduga|pencuri|maling|kernet|kernetnya|tersangka)',
      '(?:dihajar|dipukuli|dikeroyok|dihakimi|diamuk|dianiaya) (?:[^ ,.]+ )?massa',
      // a border between families, and a quarrel with a neighbour whatever it is about ("membacok tetangganya
      // dalam cekcok soal saluran air")
      `batas${BETWEEN_KIN}`,
      '(?:tetangga|tetangganya)(?: [^ ,.]+){0,3} (?:cekcok|ribut|keributan|bertengkar|pertengkaran|berselisih|perselisihan)',
      '(?:cekcok|ribut|bertengkar|pertengkaran|berselisih|perselisihan) (?:dengan |antar )?(?:tetangga|tetangganya)',
      // violence inside a family: "dianiaya cucunya sendiri", "dipukul anak kandungnya"
      `(?:${PASSIVE_VIOLENCE}|dianiaya) (?:oleh )?(?:cucunya|keponakannya|pamannya|anaknya|menantunya|mertuanya|kakaknya|adiknya|suaminya|istrinya|ayahnya|ibunya|saudaranya|sepupunya|anak kandungnya|ayah kandungnya)`,
      '(?:cucu|anak|keponakan|saudara|adik|kakak|ayah|ibu|paman)(?:nya)? (?:sendiri|kandung|kandungnya)',
    ]),
    // an inheritance makes a quarrel over land a family feud ("sengketa tanah warisan")
    cue(
      6,
      list(`tanah warisan | harta warisan | sengketa warisan | pembagian warisan | ahli waris | warisan`),
    ),
    cue(
      2,
      list(`
    keluarga | perkelahian | keributan | cekcok | pemuda | dusun | kampung | ribut | dangdut | orkes |
    hajatan | parkir | jalan setapak | dikeroyok warga | pengeroyokan | penganiayaan | pembacokan |
    dibacok
  `),
    ),
  ],
  batas_wilayah: [
    cue(
      7,
      list(`
    \\d+ desa | dua desa | antar desa | kedua desa | batas desa | tapal batas | patok batas | batas
    wilayah | sengketa batas(?!${BETWEEN_KIN}) | batas antar desa | batas antardesa | perbatasan desa | batas kabupaten |
    batas dusun | klaim wilayah | konflik batas | batas hutan | batas(?! ${HOUSE_BORDER})(?!${BETWEEN_KIN}) | klaim kab | klaim kabupaten |
    wilayah desanya | masuk wilayah desa | (?:saling )?klaim (?:[^ ,.]+ ){0,3}(?:dusun|dukuh|pedukuhan|wilayah|perbatasan) |
    desa (?:[^ ,.]+ ){1,2}(?:dan|serta) desa
  `),
    ),
    // a desa or a kabupaten that claims a piece of ground: "lahan pasar yg diklaim ds. X"
    cue(9, ['(?:di)?klaim (?:oleh )?(?:desa|dusun|pemdes|pemerintah desa|kabupaten|pemkab)']),
    cue(
      2,
      list(
        `perbatasan | desa tetangga | desa sebelah | klaim | rumpon | rebutan | pungutan | retribusi | oloran`,
      ),
    ),
  ],
  lainnya: [
    cue(
      5,
      list(`
    bansos | blt | pkh | bpnt | kpm | bantuan | sembako | buruh | phk | thr | upah | pesangon | mogok |
    ojol | ojek | ojek online | pangkalan | pkl | pedagang kaki lima | satpol pp | penertiban | tawuran
    | perang sarung | gangster | geng motor | klitih | solar | subsidi | pmt |
    (?<!(?:truk|mobil|kendaraan|motor|bus|kapal) )(?:antrian|antrean|antre|antri) |
    disnaker | naker | serikat | pungli | jukir | parkir liar | tarif
    parkir | pengelola wisata | penggusuran pkl | relokasi pasar | pedagang pasar
  `),
    ),
    cue(
      2,
      list(
        `pelajar | remaja | sekolah | sahur | pedagang | demo | unjuk rasa | lapak | pasar | pabrik | karyawan | pekerja`,
      ),
    ),
    // the README's own examples of "lainnya": a tawuran is this type unless a perguruan or supporters fight it
    cue(4, ['tawuran', 'perang sarung']),
  ],
};
TYPE_CUES.antar_perguruan_silat = [cue(5, SILAT), cue(5, SILAT_OTHER)];
TYPE_CUES.perguruan_silat_vs_warga = [
  cue(5, SILAT),
  cue(8, [
    'warga (?:\\S+ ){0,4}bentrok dengan (?:\\S+ ){0,2}(?:rombongan|kelompok|anggota|massa)? ?perguruan',
    'dikeroyok (?:\\S+ ){0,2}perguruan(?! lain| lawan| rival| sebelah| berbeda)',
    'dirusak rombongan',
    '(?:pukul|mukul|memukul|serang|menyerang) (?:warga|pengendara|pedagang|pemuda yang nongkrong)',
    // residents against a perguruan: they beat its members, or refuse its monument, convoy or ceremony
    '(?:dikeroyok|dipukuli|diamuk|dihadang) (?:\\S+ ){0,1}(?:pemuda|warga) (?:kampung|desa|setempat|sekitar)',
    // the same in any passive form of a verb of violence: "dilempari batu oleh pemuda kampung"
    `(?:${PASSIVE_VIOLENCE}) (?:\\S+ ){0,2}(?:oleh )?(?:pemuda|warga|massa) (?:kampung|desa|setempat|sekitar)`,
    'warga (?:\\S+ ){0,6}(?:tolak|menolak) (?:\\S+ ){0,3}(?:tugu|konvoi|pengesahan|perguruan|latihan)',
    // residents as the ones who act: "pemuda kampung sweeping kaos perguruan", "warga ngamuk, tugu … dibongkar"
    '(?:warga|(?:pemuda|massa) (?:kampung|desa|setempat|sekitar)) (?:\\S+ )?(?:sweeping|ngamuk|mengamuk|mengeroyok|memukuli|menghajar|menyerang|merusak|membongkar|mengusir|menghadang|mencegat|membubarkan)',
    // a perguruan's monument or marks pulled down by residents
    '(?:tugu|atribut|bendera|posko|sekretariat|gapura)(?: [^ ,.]+){0,8} (?:dirobohkan|dirubuhkan|dirusak|dibongkar|dicabut|dibakar|diturunkan|dirobohin) (?:[^ ,.]+ )?(?:oleh )?(?:warga|pemuda|massa)',
    // pesilat against the police: the other side is not a perguruan
    '(?:bentrok|bentrokan|ricuh|kericuhan|berhadapan|adu fisik|menyerang|melempari|mengeroyok) (?:[^ ,.]+ ){0,2}(?:dengan )?(?:[^ ,.]+ )?(?:aparat|polisi|petugas|kepolisian|personel)',
    '(?:polisi|petugas|aparat|personel) (?:[^ ,.]+ ){0,2}(?:terluka|luka|luka-luka|menjadi korban|dikeroyok|diserang|dilempari)',
  ]),
  // a pesilat set upon for wearing a perguruan's shirt while passing through: its attributes against residents
  // ("korban mengenakan kaus perguruan saat melintas di kampung mereka"), unless the shirt is another perguruan's
  {
    ...cue(8, [
      '(?:mengenakan|memakai|pakai|berkaus|berkaos|kaus|kaos|seragam|atribut)(?: [^ ,.]+){0,3} (?:saat|ketika|waktu|sewaktu|sambil) (?:[^ ,.]+ )?(?:melintas|lewat|melewati|melintasi)',
    ]),
    unless: words(
      list(
        `perguruan lain | perguruan lawan | perguruan rival | perguruan sebelah | perguruan berbeda | beda perguruan | pesilat lain`,
      ),
    ),
  },
  // someone beaten by pesilat is not of a perguruan, unless the text says so ("kaus perguruan lain")
  {
    ...cue(8, [
      `(?:${PASSIVE_VIOLENCE}|korban (?:pengeroyokan|penganiayaan|pemukulan|pembacokan|penyerangan)) (?:[^ ,.]+ ){0,4}(?:oleh|dilakukan) (?:[^ ,.]+ ){0,3}(?:pesilat|perguruan)(?! lain| lawan| rival| sebelah| berbeda)`,
    ]),
    unless: words(SILAT_OTHER),
  },
  cue(5, ['konvoi', 'konvoy', 'rombongan konvoi', 'arak-arakan', 'pawai']),
  cue(2, SILAT_WARGA),
];

/** A house of worship where people take shelter ("mengungsi ke masjid") says nothing about religion. */
const SHELTER = words([
  `(?:mengungsi|berlindung|ditampung|menampung|numpang|menumpang|tidur|diungsikan|dievakuasi|evakuasi|pengungsian|sembunyi|bersembunyi) (?:\\S+ )?(?:ke|di) (?:\\S+ )?(?:masjid|mushola|musholla|musala|gereja|klenteng|pura|vihara)`,
  // nor one where people meet: "warga kumpul di masjid bahas …" (not "berkumpul di depan gereja")
  `(?:kumpul|berkumpul|ngumpul|rapat|musyawarah|pertemuan) (?:di|ke) (?:masjid|mushola|musholla|musala|balai)`,
]);

const SILAT_ONLY = words(SILAT);
/** Only messages that speak of a pencak silat group may take either silat type. */
const SILAT_RE = words([...SILAT, 'konvoi', 'konvoy', 'tugu']);

/** Words after which a message names what a quarrel is about. */
const MATTER = new Set(
  list(`soal | gara | karena | terkait | dipicu | akibat | rebutan | masalah | perkara | perihal`),
);

function isMatter(doc: Doc, first: number): boolean {
  const here = doc.tokens[first];
  for (let j = first - 1; j >= Math.max(0, first - 2); j--) {
    const t = doc.tokens[j];
    if (!t || t.clause !== here?.clause) return false;
    if (MATTER.has(t.norm)) return true;
  }
  return false;
}

export function readConflictType(doc: Doc): Choice<ConflictType> {
  const scores: { type: ConflictType; score: number; hits: Hit[] }[] = [];
  const silat = findAll(doc, SILAT_ONLY).length > 0;
  const convoy = findAll(doc, SILAT_RE).length > 0;
  const shelters = findAll(doc, SHELTER);
  const sheltered = (h: Hit) => shelters.some((s) => h.first >= s.first && h.last <= s.last);
  for (const [type, cues] of Object.entries(TYPE_CUES) as [ConflictType, Cue[]][]) {
    if ((type === 'antar_perguruan_silat' || type === 'perguruan_silat_vs_warga') && !silat && !convoy)
      continue;
    let score = 0;
    const hits: Hit[] = [];
    for (const c of cues) {
      if (c.unless && findAll(doc, c.unless).length > 0) continue;
      const found =
        type === 'sara_agama' ? findAll(doc, c.re).filter((h) => !sheltered(h)) : findAll(doc, c.re);
      // a word counts fully once, then a little for each repetition; named as the matter of the quarrel
      // ("gara-gara rebutan air sumur", "soal warisan") it counts half again
      const matter = found.some((h) => isMatter(doc, h.first)) ? 1.5 : 1;
      if (found.length > 0) score += matter * c.weight * (1 + 0.25 * Math.min(found.length - 1, 4));
      hits.push(...found);
    }
    scores.push({ type, score, hits });
  }
  // a convoy without a named perguruan still reads as silat only when no other type is clearly stronger
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0];
  if (!best || best.score === 0) return { value: 'lainnya', spans: [], confidence: 0.2 };
  const second = scores[1]?.score ?? 0;
  const confidence = Math.min(0.95, 0.45 + (best.score - second) / (best.score + 4));
  return {
    value: best.type,
    spans: best.hits.map((h) => h.span),
    confidence: Math.round(confidence * 100) / 100,
  };
}

// ---- ongoing violence, urgency ----

const ONGOING = words(`
    masih (?:ada )?(?:saling
    )?(?:lempar|lemparan|kejar|bentrok|ngumpul|berkumpul|kumpul|ngamuk|kerumunan|massa|terjadi|bertahan|berlangsung|ricuh|tawuran|perang|bawa|jalan|muter|mencekam|siaga|tegang|saling)
    | masih berlangsung | sedang berlangsung | masih terjadi | masih bentrok | saling lempar | masih
    ricuh | berlangsung | saling berhadapan | mencekam | genting | tolong segera | mohon segera | segera
    | sekarang masih
  `);
const RESOLVED = words(`
    sudah selesai | selesai | didamaikan | damai | dimediasi | kondusif | aman | diklarifikasi |
    klarifikasi | ternyata hoaks | ternyata hoax | tidak terbukti | dibatalkan | salah info | minta maaf
    | diselesaikan | sudah diselesaikan | sepakat | disepakati | kekeluargaan | surat damai | dipantau
    saja | postingan sudah dihapus
  `);
const SOON = words(`
    malam ini | nanti malam | besok | lusa | pagi ini | sore ini | hari ini | minggu ini | sabtu |
    minggu pagi | jumat | senin | selasa | rabu | kamis | bakal | ancam bakar | sajam | senjata tajam |
    bawa pasukan | pasukan | mau datang | h-\\d | ngluruk | geruduk | sweeping | mau didatangi
  `);

export function readOngoing(doc: Doc, kind: ReportKind): Choice<boolean> {
  const hits = findAll(doc, ONGOING).filter(
    (h) => !/segera|genting|mencekam/.test(doc.norm.slice(h.index, h.end)),
  );
  const value = kind === 'kejadian' && hits.length > 0;
  return { value, spans: value ? hits.map((h) => h.span) : [], confidence: value ? 0.75 : 0.6 };
}

export type UrgencyFacts = {
  kind: ReportKind;
  ongoing: boolean;
  injured: number | null;
  dead: number | null;
  displaced: number | null;
  vulnerable: boolean;
  vulnerableHarmed: boolean;
};

const PRESSING = words(`
  mohon segera | tolong segera | segera | evakuasi | dievakuasi | perlindungan segera | genting | mencekam |
  malam ini
`);

export function readUrgency(doc: Doc, f: UrgencyFacts): Choice<Urgency> {
  const resolved = findAll(doc, RESOLVED);
  const soon = findAll(doc, SOON);
  const pressing = findAll(doc, PRESSING);
  const harmed = (f.injured ?? 0) > 0 || (f.dead ?? 0) > 0 || (f.displaced ?? 0) > 0;
  const pick = (value: Urgency, spans: Hit[], confidence: number): Choice<Urgency> => ({
    value,
    spans: spans.map((h) => h.span),
    confidence,
  });
  if (f.ongoing) return pick('segera', findAll(doc, ONGOING), 0.8);
  if (f.vulnerableHarmed) return pick('segera', pressing, 0.7);
  if ((f.dead ?? 0) > 0 || (pressing.length > 0 && f.vulnerable)) return pick('segera', pressing, 0.6);
  if (resolved.length > 0 && !harmed) return pick('rendah', resolved, 0.7);
  if (resolved.length > 0 && harmed) return pick('rendah', resolved, 0.5);
  if (harmed || (f.kind === 'kejadian' && f.vulnerable)) return pick('tinggi', [], 0.65);
  if (soon.length > 0 || f.vulnerable) return pick('tinggi', soon, 0.55);
  return pick('sedang', [], 0.5);
}

// Over 450 lines on purpose: the demo's word lists, data only.
import type { ConflictType, Trigger } from '../../shared/reports/report-schema.ts';

// The words of the demo data: what field pillars write, what operators title and conclude, per theme.
// Places come from the regions table; group names (perguruan, teams) are invented for the demo.

/** Partner agency kinds the demo creates in every kab/kota. */
export type AgencyKind = 'polres' | 'kesbangpol' | 'bpbd' | 'fkub';

/** One way a field pillar writes a report; slots in braces are filled by the generator. */
export type StoryText = { text: string; triggers: Trigger[] };

/**
 * A kind of trouble seen in Bakorwil V: its conflict type, what reporters write before (sinyal) and during
 * or after (kejadian), where it tends to happen, and how operators handle and close it.
 */
export type Theme = {
  conflictType: ConflictType;
  sinyal: readonly StoryText[];
  kejadian: readonly StoryText[];
  groups: readonly string[];
  /** Kecamatan names where it tends to happen, per kab/kota code; 'madura' = Madura-speaking areas only. */
  places?: Readonly<Record<string, readonly string[]>> | 'madura';
  /** Only desa (not kelurahan): pilkades are held in desa. */
  isDesaOnly?: boolean;
  titles: readonly string[];
  summaries: readonly string[];
  outcomes: readonly string[];
  agencies: readonly AgencyKind[];
  tasks: readonly string[];
};

const SILAT_PLACES = {
  '35.08': ['Jatiroto', 'Yosowilangun', 'Rowokangkung', 'Kunir', 'Tempeh', 'Sukodono'],
  '35.09': ['Tanggul', 'Bangsalsari', 'Kencong', 'Semboro', 'Sumberbaru', 'Balung', 'Puger', 'Umbulsari'],
  '35.10': ['Genteng', 'Srono', 'Cluring', 'Gambiran', 'Purwoharjo', 'Bangorejo', 'Muncar'],
  '35.11': ['Tamanan', 'Maesan', 'Pujer'],
  '35.12': ['Besuki', 'Panarukan', 'Kapongan'],
  '35.13': ['Kraksaan', 'Paiton', 'Gending', 'Dringu'],
  '35.74': ['Kademangan', 'Wonoasih'],
};

const CITY_PLACES = {
  '35.08': ['Lumajang', 'Sukodono'],
  '35.09': ['Kaliwates', 'Patrang', 'Sumbersari', 'Ajung'],
  '35.10': ['Banyuwangi', 'Giri', 'Glagah'],
  '35.11': ['Bondowoso', 'Tenggarang'],
  '35.12': ['Situbondo', 'Panji'],
  '35.13': ['Kraksaan', 'Dringu'],
  '35.74': ['Mayangan', 'Kanigaran'],
};

const PLANTATION_PLACES = {
  '35.08': ['Pronojiwo', 'Senduro', 'Gucialit'],
  '35.09': ['Silo', 'Tempurejo', 'Mumbulsari', 'Panti', 'Sukorambi', 'Ledokombo'],
  '35.10': ['Pesanggaran', 'Kalibaru', 'Glenmore', 'Songgon', 'Tegaldlimo'],
  '35.11': ['Sempol', 'Sumberwringin', 'Tlogosari'],
  '35.12': ['Banyuputih', 'Sumbermalang'],
  '35.13': ['Krucil', 'Tiris', 'Sukapura', 'Lumbang'],
};

const SAND_PLACES = {
  '35.08': ['Pasirian', 'Candipuro', 'Tempursari', 'Tempeh', 'Pronojiwo'],
  '35.09': ['Puger', 'Wuluhan'],
  '35.10': ['Pesanggaran', 'Muncar'],
};

/** Kecamatan where Madurese is the everyday language (plus all of Bondowoso, Situbondo and Probolinggo). */
export const MADURA_KECAMATAN: Readonly<Record<string, readonly string[]>> = {
  '35.08': ['Klakah', 'Ranuyoso', 'Randuagung', 'Kedungjajang'],
  '35.09': ['Sukowono', 'Kalisat', 'Ledokombo', 'Sumberjambe', 'Jelbuk', 'Arjasa', 'Mayang'],
  '35.10': ['Wongsorejo'],
};
/** Kab/kota that are Madura-speaking as a whole. */
export const MADURA_KABKOTA: readonly string[] = ['35.11', '35.12', '35.13', '35.74'];

/** Invented names of perguruan silat, for the demo only. */
export const PERGURUAN: readonly string[] = [
  'Lintang Abang',
  'Wukir Sembada',
  'Sekar Tirta',
  'Cakra Sejati',
  'Gardu Wetan',
  'Bayu Seta',
];

const THEME_TABLE = {
  silat: {
    conflictType: 'antar_perguruan_silat',
    sinyal: [
      {
        text: 'Ada broadcast di grup WA ajakan kumpul anggota {A} malam ini di {tempat} {desa}, katanya mau "balas dendam" ke {B}. Pemuda sdh mulai ngumpul.',
        triggers: ['informasi_provokatif'],
      },
      {
        text: 'Beredar video TikTok yg ngejek {B}, komennya banyak tantangan. Anak2 muda {dusun} {desa} mulai panas, takut ada serangan balik.',
        triggers: ['informasi_provokatif'],
      },
      {
        text: 'Tugu {A} di {dusun} {desa} dicoret-coret semalam, diduga ulah kelompok {B}. Anggota minta pengurus ranting turun tangan.',
        triggers: ['perbedaan_antarperorangan'],
      },
      {
        text: 'Info dari warga, anggota {A} dan {B} saling tantang di warung kopi dekat {tempat}. Sementara bisa dilerai, tapi katanya mau lanjut malam minggu.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    kejadian: [
      {
        text: 'Terjadi bentrok antara massa {A} dan {B} di {tempat} {desa} sekitar jam {jam}. Saling lempar batu dan kayu.',
        triggers: ['perbedaan_antarperorangan'],
      },
      {
        text: 'Rombongan {A} pulang latihan dihadang kelompok {B} di pertigaan {desa}, terjadi pengeroyokan.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Warung kopi milik anggota {B} di {dusun} {desa} dirusak rombongan {A}. Warga sekitar ketakutan.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    groups: ['Perguruan {A}; Perguruan {B}', 'Anggota ranting {A} dan {B}'],
    places: SILAT_PLACES,
    titles: ['Gesekan perguruan silat di {desa}', 'Bentrok {A} dan {B} di {kec}'],
    summaries: [
      'Gesekan antaranggota dua perguruan silat. Pengurus ranting kedua pihak dihubungi untuk menahan anggota.',
      'Saling serang antar perguruan; fokus pada pengamanan lokasi, pendataan korban dan mediasi pengurus.',
    ],
    outcomes: [
      'Kesepakatan damai ditandatangani pengurus ranting kedua perguruan, disaksikan Forkopimka. Anggota yang terlibat dibina pengurus.',
      'Mediasi berhasil, pelaku perusakan mengganti kerugian. Patroli bersama pengurus kedua perguruan tiap malam minggu.',
    ],
    agencies: ['polres', 'kesbangpol'],
    tasks: [
      'Mediasi dengan pengurus ranting kedua perguruan',
      'Pantau situasi di lokasi',
      'Pendataan korban',
    ],
  },
  suro: {
    conflictType: 'antar_perguruan_silat',
    sinyal: [
      {
        text: 'Info dari warga, rencana konvoi pengesahan warga baru {A} lewat {kec} malam 1 Suro. Rutenya lewat jalan desa {desa}, dekat basecamp {B}. Rawan gesekan.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Ada broadcast WA ajakan "balas dendam" ke {B} pas malam Suro, kumpul di {tempat} {desa}. Mohon diantisipasi.',
        triggers: ['informasi_provokatif'],
      },
      {
        text: 'Jelang Suroan, anggota {A} dari luar kecamatan mulai berdatangan ke {desa}. Kelompok {B} juga siaga di {dusun}.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Sweeping atribut di jalan {desa}: pengendara yg pakai kaos {B} disuruh lepas baju oleh anggota {A}. Warga resah.',
        triggers: ['perbedaan_antarperorangan', 'informasi_provokatif'],
      },
    ],
    kejadian: [
      {
        text: 'Konvoi pengesahan {A} dilempari batu di {tempat} {desa}, rombongan balas menyerang. Bentrok dengan {B} sekitar jam {jam}.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Usai acara Suroan, massa {A} dan {B} bentrok di jalan raya {desa}. Motor dibakar, rumah warga kena lemparan.',
        triggers: ['perbedaan_antarperorangan'],
      },
      {
        text: 'Pengeroyokan anggota {B} oleh rombongan konvoi {A} di {dusun} {desa}, korban dibawa ke puskesmas.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    groups: ['Perguruan {A}; Perguruan {B}', 'Rombongan konvoi {A}; warga dan anggota {B}'],
    places: SILAT_PLACES,
    titles: ['Konvoi pengesahan warga di {kec}', 'Malam 1 Suro: gesekan {A} dan {B} di {desa}'],
    summaries: [
      'Konvoi pengesahan warga baru malam 1 Suro melewati basis perguruan lain. Rute dialihkan, pengurus kedua pihak diajak bicara sebelum malam pengesahan.',
      'Bentrok saat konvoi Suroan. Penanganan: pengamanan rute, pendataan korban, mediasi pengurus cabang.',
    ],
    outcomes: [
      'Konvoi dialihkan lewat jalan kabupaten dan dikawal; tidak ada bentrok. Kesepakatan damai pengurus cabang diperbarui.',
      'Korban luka sudah pulih, rumah dan warung yang rusak diperbaiki. Kedua perguruan sepakat tidak konvoi lewat desa.',
      'Pelaku diproses hukum, pengurus kedua perguruan menandatangani ikrar damai di balai desa.',
    ],
    agencies: ['polres', 'kesbangpol'],
    tasks: [
      'Mediasi dengan pengurus ranting kedua perguruan',
      'Jaga posko di rute konvoi',
      'Pendataan korban dan kebutuhan',
    ],
  },
  silatWarga: {
    conflictType: 'perguruan_silat_vs_warga',
    sinyal: [
      {
        text: 'Warga {desa} resah, tiap malam minggu ada konvoi motor knalpot brong pakai atribut perguruan. Warga ancam mau hadang kalau lewat lagi.',
        triggers: ['perubahan_sosial'],
      },
      {
        text: 'Pemuda {dusun} sdh siapkan bambu dan batu, katanya kalau konvoi perguruan lewat lagi mau dihadang. Perlu mediasi secepatnya.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    kejadian: [
      {
        text: 'Rombongan konvoi perguruan masuk {desa}, warga yg menegur malah dipukul. Warga balas, terjadi keributan di jalan raya.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Rumah warga di {dusun} {desa} dilempari batu oleh rombongan konvoi yg lewat, kaca jendela pecah.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    groups: ['Rombongan konvoi {A}; warga {desa}', 'Anggota {A}; pemuda {dusun}'],
    places: SILAT_PLACES,
    titles: ['Konvoi perguruan vs warga {desa}', 'Warga {desa} hadang konvoi'],
    summaries: [
      'Warga menolak konvoi perguruan yang lewat desa; dibutuhkan kesepakatan rute dan pengamanan.',
    ],
    outcomes: [
      'Disepakati konvoi tidak melewati {desa}; pengurus perguruan minta maaf dan mengganti kerusakan.',
      'Pertemuan warga dan pengurus perguruan di balai desa berakhir damai; patroli bersama tiap malam minggu.',
    ],
    agencies: ['polres', 'kesbangpol'],
    tasks: ['Mediasi warga dan pengurus perguruan', 'Pantau situasi di lokasi'],
  },
  suporter: {
    conflictType: 'antar_suporter',
    sinyal: [
      {
        text: 'Jelang laga tim {T1} vs {T2} hari {hari}, di medsos ramai ajakan "sweeping" suporter tamu di jalur {kec}.',
        triggers: ['informasi_provokatif'],
      },
      {
        text: 'Info dari korlap, rombongan suporter {T2} sekitar {n} motor mau lewat {desa} ke stadion. Suporter lokal sdh nunggu di pinggir jalan.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    kejadian: [
      {
        text: 'Usai pertandingan {T1} vs {T2}, suporter saling lempar botol dan batu di sekitar {tempat} {desa}. Beberapa motor dirusak.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Bus rombongan suporter {T2} dilempari batu di jalan raya {desa}, kaca bus pecah. Suporter turun dan membalas.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    groups: ['Suporter {T1}; suporter {T2}'],
    places: CITY_PLACES,
    titles: ['Ricuh suporter {T1} vs {T2}', 'Gesekan suporter di {kec}'],
    summaries: ['Gesekan suporter sekitar pertandingan; pengamanan jalur rombongan dan pendataan kerusakan.'],
    outcomes: [
      'Korlap kedua kelompok suporter sepakat damai; jalur rombongan tamu diatur dan dikawal tiap laga.',
      'Kerugian warga diganti panitia pertandingan; laga berikutnya tanpa penonton tamu.',
    ],
    agencies: ['polres', 'kesbangpol'],
    tasks: ['Pantau jalur rombongan suporter', 'Pendataan kerusakan dan korban'],
  },
  pilkades: {
    conflictType: 'pilkades_pemilu',
    sinyal: [
      {
        text: 'Jelang pilkades, pendukung cakades no {n1} dan no {n2} di {desa} saling sindir di grup WA. Ada isu politik uang dan ancaman.',
        triggers: ['informasi_provokatif', 'perbedaan_kepentingan'],
      },
      {
        text: 'Baliho cakades no {n1} dirusak di {dusun} {desa}, pendukungnya menuduh kubu no {n2}. Suasana memanas.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Pendukung cakades yg kalah tdk terima hasil, rencana demo ke kantor kecamatan {kec} besok pagi.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    kejadian: [
      {
        text: 'Massa pendukung cakades no {n2} geruduk balai desa {desa} menolak hasil penghitungan, pagar balai desa dirobohkan.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Adu mulut berujung pemukulan antara tim sukses 2 calon di TPS {desa}. Penghitungan suara sempat dihentikan.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Pendukung calon yg kalah menyegel kantor desa {desa}, pelayanan warga berhenti. Ada pengrusakan rumah timses.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    groups: ['Pendukung cakades no {n1}; pendukung cakades no {n2}'],
    isDesaOnly: true,
    titles: ['Sengketa hasil pilkades {desa}', 'Ketegangan pilkades di {desa}'],
    summaries: [
      'Ketegangan antarpendukung calon kepala desa; koordinasi panitia pilkades kabupaten dan pengamanan.',
    ],
    outcomes: [
      'Hasil pilkades diterima setelah penghitungan ulang disaksikan panitia kabupaten; kedua calon bersalaman di balai desa.',
      'Gugatan diselesaikan lewat panitia pilkades kabupaten; warga kembali beraktivitas normal.',
    ],
    agencies: ['kesbangpol', 'polres'],
    tasks: ['Koordinasi dengan panitia pilkades', 'Mediasi tokoh kedua kubu'],
  },
  kebun: {
    conflictType: 'sengketa_lahan_sda',
    sinyal: [
      {
        text: 'Warga {desa} protes lahan garapan yg diklaim perkebunan, rencana mau patok ulang besok. Pihak kebun sdh siapkan keamanan.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Petani penggarap di {dusun} dapat surat pengosongan dari perkebunan. Warga mau bertahan, suasana tegang.',
        triggers: ['perbedaan_kepentingan', 'perubahan_sosial'],
      },
    ],
    kejadian: [
      {
        text: 'Bentrok warga penggarap dengan petugas keamanan perkebunan di lahan sengketa {desa}. Tanaman warga dirusak.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Warga memblokade jalan kebun di {desa}, terjadi dorong-dorongan dengan pekerja perkebunan.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    groups: ['Petani penggarap {desa}; pihak perkebunan', 'Warga {dusun}; keamanan kebun'],
    places: PLANTATION_PLACES,
    titles: ['Sengketa lahan perkebunan di {desa}', 'Konflik lahan garapan {kec}'],
    summaries: ['Sengketa lahan garapan antara warga dan perkebunan; mediasi dan pendataan penggarap.'],
    outcomes: [
      'Mediasi oleh Kesbangpol dan BPN: penggarap boleh menanam sampai panen, pengukuran ulang dijadwalkan bersama.',
      'Disepakati skema kemitraan lahan antara perkebunan dan kelompok tani; blokade dibuka.',
    ],
    agencies: ['kesbangpol', 'polres'],
    tasks: ['Pendataan petani penggarap', 'Fasilitasi pertemuan warga dan perkebunan'],
  },
  tambang: {
    conflictType: 'sengketa_lahan_sda',
    sinyal: [
      {
        text: 'Ada rencana warga tutup akses truk tambang pasir di {desa}, jalan rusak dan sawah kena dampak. Penambang bawa orang dari luar.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Warga penolak tambang di {dusun} dapat ancaman dari orang suruhan penambang. Mohon perlindungan.',
        triggers: ['perbedaan_kepentingan', 'informasi_provokatif'],
      },
    ],
    kejadian: [
      {
        text: 'Warga penolak tambang pasir dan kelompok penambang ribut di {desa}, alat berat dirusak dan ada yg dipukul.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    groups: ['Warga penolak tambang {desa}; kelompok penambang pasir'],
    places: SAND_PLACES,
    titles: ['Konflik tambang pasir {desa}', 'Penolakan tambang di {kec}'],
    summaries: ['Konflik warga dan penambang pasir; perlindungan warga penolak dan penertiban izin.'],
    outcomes: [
      'Aktivitas tambang dihentikan sementara sambil izin diperiksa; warga penolak didampingi dan aman.',
    ],
    agencies: ['polres', 'kesbangpol', 'bpbd'],
    tasks: ['Pendampingan warga penolak tambang', 'Pendataan kerusakan lahan'],
  },
  irigasi: {
    conflictType: 'sengketa_lahan_sda',
    sinyal: [
      {
        text: 'Rebutan air irigasi di {dusun} {desa}, musim kemarau petani hulu dan hilir saling tutup pintu air. Sdh ada ancaman.',
        triggers: ['perbedaan_kepentingan'],
      },
      {
        text: 'Sumber air desa {desa} mau dialirkan ke desa sebelah, warga tdk terima. Rencana kumpul di balai desa.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    kejadian: [
      {
        text: 'Petani bertengkar soal giliran air di saluran irigasi {dusun} {desa}, satu orang kena sabit.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    groups: ['Petani hulu; petani hilir {desa}', 'Warga {desa}; warga desa tetangga'],
    titles: ['Rebutan air irigasi di {desa}'],
    summaries: ['Perselisihan giliran air musim kemarau; mediasi HIPPA dan pemerintah desa.'],
    outcomes: ['Jadwal giliran air disepakati lewat HIPPA dan dipasang di balai desa; kedua pihak berdamai.'],
    agencies: ['kesbangpol'],
    tasks: ['Mediasi petani dengan HIPPA dan perangkat desa'],
  },
  sara: {
    conflictType: 'sara_agama',
    sinyal: [
      {
        text: 'Ada penolakan sebagian warga terhadap renovasi rumah ibadah di {dusun} {desa}, beredar selebaran provokatif.',
        triggers: ['perbedaan_kebudayaan', 'informasi_provokatif'],
      },
      {
        text: 'Potongan ceramah yg menyinggung kelompok lain viral di {kec}, warga mulai ramai berkomentar di grup WA.',
        triggers: ['informasi_provokatif'],
      },
    ],
    kejadian: [
      {
        text: 'Kegiatan ibadah sekelompok warga di {desa} dibubarkan paksa oleh massa, jemaah ketakutan.',
        triggers: ['perbedaan_kebudayaan'],
      },
    ],
    groups: ['Warga {desa}; jemaah {dusun}'],
    titles: ['Ketegangan antarumat di {desa}'],
    summaries: ['Ketegangan antarumat beragama; dialog tokoh agama difasilitasi FKUB.'],
    outcomes: [
      'Dialog tokoh agama difasilitasi FKUB; kegiatan ibadah berjalan kembali dengan kesepakatan warga.',
    ],
    agencies: ['fkub', 'kesbangpol', 'polres'],
    tasks: ['Dampingi dialog tokoh agama', 'Pantau media sosial dan situasi warga'],
  },
  tawuran: {
    conflictType: 'antarwarga',
    sinyal: [
      {
        text: 'Dua kelompok pemuda {dusun} dan dusun sebelah saling tantang di medsos gara-gara masalah cewek. Rencana ketemuan malam ini.',
        triggers: ['perbedaan_antarperorangan', 'informasi_provokatif'],
      },
      {
        text: 'Utang piutang antarwarga di {desa} memanas, keluarga kedua pihak sdh bawa senjata tajam.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    kejadian: [
      {
        text: 'Tawuran pemuda antardusun di {desa} setelah acara orkes dangdut. Pakai batu dan senjata tajam.',
        triggers: ['perbedaan_antarperorangan'],
      },
      {
        text: 'Keributan antar dua keluarga di {dusun} {desa} karena batas pekarangan, berujung pemukulan.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    groups: ['Pemuda {dusun}; pemuda dusun tetangga', 'Dua keluarga di {dusun}'],
    titles: ['Tawuran pemuda di {desa}', 'Keributan warga {dusun}, {desa}'],
    summaries: ['Perselisihan antarwarga yang melebar; mediasi keluarga dan tokoh masyarakat.'],
    outcomes: [
      'Kedua pihak berdamai di balai desa dengan saksi tokoh masyarakat; pengobatan korban ditanggung bersama.',
    ],
    agencies: ['polres'],
    tasks: ['Mediasi keluarga dan tokoh masyarakat', 'Pendataan korban'],
  },
  mainHakim: {
    conflictType: 'antarwarga',
    sinyal: [
      {
        text: 'Hoaks penculikan anak beredar di grup WA {kec}, warga mulai curiga sama orang asing. Takut ada main hakim sendiri.',
        triggers: ['informasi_provokatif'],
      },
    ],
    kejadian: [
      {
        text: 'Warga menghakimi pria yg dituduh maling motor di {desa}, korban babak belur sebelum diamankan polisi.',
        triggers: ['perbedaan_antarperorangan'],
      },
      {
        text: 'Orang asing dikira penculik anak dikeroyok warga di {tempat} {desa}. Ternyata pedagang keliling.',
        triggers: ['informasi_provokatif'],
      },
    ],
    groups: ['Warga {desa}'],
    titles: ['Main hakim sendiri di {desa}'],
    summaries: ['Amuk massa karena hoaks; klarifikasi ke warga dan pendampingan korban.'],
    outcomes: [
      'Klarifikasi hoaks disebarkan lewat perangkat desa dan tokoh agama; korban didampingi sampai pulih.',
    ],
    agencies: ['polres', 'kesbangpol'],
    tasks: ['Klarifikasi hoaks ke warga bersama perangkat desa', 'Pendampingan korban'],
  },
  carok: {
    conflictType: 'antarwarga',
    sinyal: [
      {
        text: 'Ada masalah harga diri antar dua keluarga di {dusun} {desa}, keluarga sdh kumpul dan bawa celurit. Takut terjadi carok.',
        triggers: ['perbedaan_antarperorangan', 'perbedaan_kebudayaan'],
      },
      {
        text: 'Sengketa tanah warisan di {desa} memanas, salah satu pihak bilang siap carok. Kiai dan tokoh masyarakat sdh coba menengahi.',
        triggers: ['perbedaan_kepentingan', 'perbedaan_kebudayaan'],
      },
    ],
    kejadian: [
      {
        text: 'Terjadi carok di {dusun} {desa} dipicu masalah tanah warisan. Korban kena sabetan celurit.',
        triggers: ['perbedaan_kepentingan', 'perbedaan_kebudayaan'],
      },
      {
        text: 'Carok antar dua warga di {desa} gara-gara cemburu. Keluarga korban mau membalas, suasana tegang.',
        triggers: ['perbedaan_antarperorangan', 'perbedaan_kebudayaan'],
      },
    ],
    groups: ['Dua keluarga di {dusun}, {desa}'],
    places: 'madura',
    titles: ['Carok di {desa}', 'Ancaman carok antar keluarga di {desa}'],
    summaries: [
      'Carok antar dua keluarga. Mencegah balas dendam: pendekatan lewat kiai dan tokoh masyarakat, pendampingan keluarga korban.',
    ],
    outcomes: [
      'Islah kedua keluarga difasilitasi kiai setempat dan Forkopimka; keluarga korban menerima proses hukum.',
    ],
    agencies: ['polres', 'kesbangpol'],
    tasks: ['Pendekatan ke keluarga lewat kiai dan tokoh masyarakat', 'Pendampingan keluarga korban'],
  },
  batas: {
    conflictType: 'batas_wilayah',
    sinyal: [
      {
        text: 'Warga {desa} dan desa tetangga rebutan patok batas desa, masing-masing klaim tanah bengkok di perbatasan.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    kejadian: [
      {
        text: 'Patok batas desa dicabut warga, terjadi adu mulut dan dorong-dorongan antara warga dua desa di perbatasan {desa}.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    groups: ['Warga {desa}; warga desa tetangga'],
    titles: ['Sengketa batas desa {desa}'],
    summaries: ['Sengketa batas antar desa; penelusuran peta dan musyawarah kedua pemerintah desa.'],
    outcomes: [
      'Batas desa ditetapkan ulang bersama bagian pemerintahan kabupaten; patok baru dipasang bersama.',
    ],
    agencies: ['kesbangpol'],
    tasks: ['Fasilitasi musyawarah dua pemerintah desa'],
  },
  lebaran: {
    conflictType: 'antarwarga',
    sinyal: [
      {
        text: 'Jelang takbir keliling, rombongan pemuda dua desa biasa bentrok tiap tahun di {tempat} {desa}. Mohon pengamanan malam takbiran.',
        triggers: ['perbedaan_antarperorangan'],
      },
      {
        text: 'Ada ajakan perang petasan antar dusun pas malam takbiran di {desa}, sudah ramai di grup WA pemuda.',
        triggers: ['informasi_provokatif'],
      },
    ],
    kejadian: [
      {
        text: 'Takbir keliling ricuh di {desa}, rombongan dari dusun lain saling lempar petasan dan batu.',
        triggers: ['perbedaan_antarperorangan'],
      },
      {
        text: 'Usai salat Id, pemuda yg mudik ribut dengan pemuda setempat di {tempat} {desa}, berujung pengeroyokan.',
        triggers: ['perbedaan_antarperorangan'],
      },
    ],
    groups: ['Rombongan takbir {dusun}; rombongan dusun tetangga'],
    titles: ['Ricuh takbir keliling di {desa}', 'Keributan Lebaran di {desa}'],
    summaries: ['Keributan musim Lebaran antar rombongan pemuda; mediasi karang taruna dan perangkat desa.'],
    outcomes: [
      'Karang taruna dua dusun bersalaman saat halal bihalal; rute takbir keliling diatur tahun depan.',
    ],
    agencies: ['polres'],
    tasks: ['Mediasi karang taruna kedua dusun'],
  },
  halalBihalal: {
    conflictType: 'perguruan_silat_vs_warga',
    sinyal: [
      {
        text: 'Halal bihalal perguruan {A} rencananya pakai konvoi lewat {desa}. Warga yg tahun lalu rumahnya kena lempar minta konvoi dilarang.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    kejadian: [
      {
        text: 'Konvoi halal bihalal {A} bergesekan dengan warga {desa}, terjadi saling pukul di {tempat}.',
        triggers: ['perbedaan_kepentingan'],
      },
    ],
    groups: ['Rombongan {A}; warga {desa}'],
    places: SILAT_PLACES,
    titles: ['Konvoi halal bihalal di {desa}'],
    summaries: ['Gesekan konvoi halal bihalal perguruan dengan warga; kesepakatan rute dan pengamanan.'],
    outcomes: ['Pengurus {A} minta maaf kepada warga, halal bihalal berikutnya tanpa konvoi.'],
    agencies: ['polres', 'kesbangpol'],
    tasks: ['Mediasi warga dan pengurus perguruan'],
  },
  santet: {
    conflictType: 'lainnya',
    sinyal: [
      {
        text: 'Ada isu santet di {dusun} {desa}, seorang warga lansia dituduh dukun. Warga mulai berkumpul di rumahnya.',
        triggers: ['informasi_provokatif', 'perbedaan_kebudayaan'],
      },
    ],
    kejadian: [
      {
        text: 'Warga yg dituduh dukun santet di {desa} diusir, rumahnya dilempari batu malam tadi.',
        triggers: ['informasi_provokatif', 'perbedaan_kebudayaan'],
      },
    ],
    groups: ['Warga {dusun}, {desa}'],
    titles: ['Isu santet di {desa}'],
    summaries: [
      'Tuduhan santet terhadap warga; perlindungan orang yang dituduh dan klarifikasi lewat tokoh agama.',
    ],
    outcomes: [
      'Warga yang dituduh kembali ke rumahnya dengan jaminan keamanan; pengajian bersama meredakan isu.',
    ],
    agencies: ['polres', 'kesbangpol'],
    tasks: ['Lindungi warga yang dituduh', 'Klarifikasi bersama tokoh agama'],
  },
} as const satisfies Record<string, Theme>;

export type ThemeKey = keyof typeof THEME_TABLE;
export const THEMES: Readonly<Record<ThemeKey, Theme>> = THEME_TABLE;

export const DUSUN: readonly string[] = [
  'Dusun Krajan',
  'Dusun Krajan Lor',
  'Dusun Krajan Kidul',
  'Dusun Sumberan',
  'Dusun Karanganyar',
  'Dusun Tegalrejo',
  'Dusun Gumuk',
  'Dusun Curah',
  'Dusun Kebonan',
  'Dusun Sukorejo',
];

export const TEMPAT: readonly string[] = [
  'balai desa',
  'lapangan desa',
  'pertigaan dekat pasar',
  'warung kopi dekat SDN',
  'pos kamling',
  'jembatan',
  'depan kantor kecamatan',
  'perempatan jalan raya',
];

export const HARI: readonly string[] = ['Sabtu', 'Minggu', 'Rabu', 'Jumat'];

/** Short kab/kota names as people say them; slugs name users and partner agencies. */
export const KABKOTA: Readonly<Record<string, { short: string; slug: string }>> = {
  '35.08': { short: 'Lumajang', slug: 'lumajang' },
  '35.09': { short: 'Jember', slug: 'jember' },
  '35.10': { short: 'Banyuwangi', slug: 'banyuwangi' },
  '35.11': { short: 'Bondowoso', slug: 'bondowoso' },
  '35.12': { short: 'Situbondo', slug: 'situbondo' },
  '35.13': { short: 'Probolinggo', slug: 'probolinggo' },
  '35.74': { short: 'Kota Probolinggo', slug: 'kota-probolinggo' },
};

export const AGENCY_NAMES: Record<AgencyKind, (kabkota: string, isKota: boolean) => string> = {
  polres: (name, isKota) => (isKota ? `Polres ${name.replace('Kota ', '')} Kota` : `Polres ${name}`),
  kesbangpol: (name, isKota) => `Bakesbangpol ${isKota ? name : `Kab. ${name}`}`,
  bpbd: (name, isKota) => `BPBD ${isKota ? name : `Kab. ${name}`}`,
  fkub: (name, isKota) => `FKUB ${isKota ? name : `Kab. ${name}`}`,
};

export const DISPOSITIONS: Record<
  AgencyKind,
  { instructions: readonly string[]; answers: readonly string[] }
> = {
  polres: {
    instructions: [
      'Mohon pengamanan lokasi dan patroli malam di {kec} selama situasi belum kondusif.',
      'Mohon pengawalan rute dan penyekatan rombongan dari luar kecamatan.',
      'Mohon penegakan hukum atas pelaku perusakan dan penganiayaan.',
    ],
    answers: [
      'Siap, personel Polsek {kec} dan Sabhara sudah diturunkan ke lokasi.',
      'Patroli gabungan TNI-Polri dijadwalkan tiap malam sampai situasi aman.',
      'Dua terduga pelaku sudah diamankan dan diperiksa.',
    ],
  },
  kesbangpol: {
    instructions: [
      'Mohon fasilitasi mediasi kedua pihak bersama Forkopimka {kec}.',
      'Mohon koordinasi pemetaan kerawanan dan rapat Forkopimka.',
    ],
    answers: [
      'Mediasi dijadwalkan di kantor kecamatan {kec}, undangan sudah dikirim ke kedua pihak.',
      'Rapat Forkopimka sudah dilaksanakan, hasilnya dikirim ke Dinsos.',
    ],
  },
  bpbd: {
    instructions: [
      'Mohon dukungan logistik dan tenda untuk warga yang mengungsi.',
      'Mohon asesmen kerusakan rumah warga di lokasi.',
    ],
    answers: [
      'Logistik dan dua tenda keluarga sudah dikirim ke posko balai desa.',
      'Asesmen selesai, data kerusakan rumah dikirim ke Dinsos.',
    ],
  },
  fkub: {
    instructions: ['Mohon dialog tokoh lintas agama dengan warga setempat.'],
    answers: ['Dialog tokoh lintas agama sudah digelar di balai desa, warga menerima.'],
  },
};

export const FOLLOW_UPS = {
  checkIn: [
    'Tiba di balai desa {desa}',
    'Sampai di lokasi, ketemu kepala desa dan Babinsa',
    'Tiba di posko {desa}',
  ],
  work: [
    'Koordinasi dengan kepala desa, Babinsa dan Bhabinkamtibmas; situasi terkendali.',
    'Pertemuan dengan tokoh masyarakat kedua pihak, sepakat menahan diri.',
    'Pendataan korban dan kebutuhan: obat-obatan dan makanan untuk keluarga terdampak.',
    'Dukungan psikososial untuk anak-anak di posko, anak-anak mulai tenang.',
    'Dapur umum berjalan untuk warga yang mengungsi.',
    'Mediasi kedua pihak di balai desa, dilanjutkan pekan depan.',
    'Kunjungan rumah keluarga korban, kebutuhan dicatat dan diteruskan ke Dinsos.',
  ],
  checkOut: ['Selesai tugas hari ini, situasi kondusif', 'Pulang dari lokasi, pemantauan dilanjutkan besok'],
} as const;

/** How field reports continue: facts in words, so the text says what the numbers say. */
export const FACT_TEXTS = {
  injured: [
    'Korban luka {n} orang, sdh dibawa ke puskesmas.',
    'Ada {n} orang luka-luka, dirawat di RS.',
    '{n} warga luka kena lemparan batu.',
  ],
  dead: ['1 orang meninggal dunia di lokasi.', 'Satu korban meninggal dalam perjalanan ke RS.'],
  houses: ['{n} rumah rusak (kaca pecah, pintu jebol).', 'Rumah warga rusak {n} unit.'],
  displaced: [
    '{n} warga mengungsi ke balai desa dan rumah saudara.',
    'Sementara {n} orang ngungsi, takut diserang lagi.',
  ],
  ongoing: [
    'Sampai sekarang masih ribut, mohon bantuan segera!',
    'Massa masih bertahan di lokasi, situasi belum terkendali.',
  ],
  closers: [
    'Aparat desa dan Babinsa sdh di lokasi.',
    'Polsek sdh datang, massa mulai bubar.',
    'Situasi skrg kondusif tapi masih rawan.',
    'Mohon arahan.',
    'Kami pantau terus.',
    '',
    '',
  ],
  signalClosers: ['Mohon diantisipasi.', 'Kami pantau terus.', 'Sdh lapor ke kepala desa.', ''],
} as const;

/** Vulnerable people in a field pillar's words, by group and how they are affected. */
export const VULNERABLE_TEXTS = {
  harmed: {
    anak: ['Ada {n} anak kena lemparan batu waktu pulang ngaji.', '{n} anak SD ikut luka kena pecahan kaca.'],
    lansia: ['{n} lansia jatuh dan luka waktu warga lari menyelamatkan diri.'],
    disabilitas: ['Warga difabel (tunadaksa) terjebak di rumah yg dilempari, kakinya luka.'],
    ibu_hamil: ['Seorang ibu hamil syok dan pendarahan, dibawa ke bidan desa.'],
    fakir_miskin: ['Warung kecil milik warga miskin ikut dirusak, pemiliknya luka.'],
  },
  displaced: {
    anak: ['{n} anak ikut orang tuanya ngungsi ke balai desa.'],
    lansia: [
      'Seorang lansia umur 70-an rumahnya rusak, sementara ngungsi ke rumah tetangga.',
      '{n} lansia ikut diungsikan.',
    ],
    disabilitas: ['Warga difabel dievakuasi ke posko karena rumahnya rusak.'],
    ibu_hamil: ['Seorang ibu hamil ikut mengungsi.'],
    fakir_miskin: ['{n} keluarga miskin kehilangan rumah, mengungsi.'],
  },
  atRisk: {
    anak: [
      'Lokasi dekat SD, banyak anak-anak di sekitar.',
      'Rute konvoi lewat depan TPQ, anak-anak ngaji sore.',
    ],
    lansia: ['Banyak lansia tinggal sendiri di kampung ini.'],
    disabilitas: ['Ada warga difabel yg rumahnya di pinggir jalan rute.'],
    ibu_hamil: ['Ada ibu hamil tua di rumah dekat lokasi.'],
    fakir_miskin: ['Warga sekitar banyak yg kurang mampu, rumahnya semi permanen.'],
  },
} as const;

/** Why an operator rejects a report. */
export const REJECTIONS: readonly string[] = [
  'Dicek ke lapangan tidak ada kejadian; info hoaks dari grup WA.',
  'Kejadian murni tindak pidana perorangan, sudah ditangani Polsek; bukan konflik sosial.',
  'Laporan uji coba relawan saat pelatihan aplikasi.',
  'Lokasi di luar wilayah; diteruskan ke kabupaten yang bersangkutan.',
];

/** Invented people: field pillars, operators and the named vulnerable people of cases. */
export const NAMES = {
  given: [
    'Siti',
    'Ahmad',
    'Dewi',
    'Agus',
    'Nur',
    'Eko',
    'Sri',
    'Bambang',
    'Rina',
    'Hasan',
    'Lilik',
    'Wahyu',
    'Yuli',
    'Imam',
    'Fitri',
    'Slamet',
    'Umi',
    'Rudi',
    'Anis',
    'Faisol',
    'Ratna',
    'Moh.',
    'Endah',
    'Sugeng',
  ],
  family: [
    'Rahayu',
    'Hidayati',
    'Santoso',
    'Wahyuni',
    'Prasetyo',
    'Kholifah',
    'Hariyanto',
    'Maimunah',
    'Subagyo',
    'Rofiq',
    'Lestari',
    'Syaiful',
    'Kurniawan',
    'Jannah',
    'Setiawan',
    'Zainal',
  ],
  children: ['Rizky', 'Putri', 'Dimas', 'Aisyah', 'Fajar', 'Nabila', 'Bayu', 'Salsa', 'Arif', 'Zahra'],
  elders: ['Sarmi', 'Sutinah', 'Marsudi', 'Matrawi', 'Supiyah', 'Tukiran', 'Misnadin', 'Juminten'],
} as const;

export const REFERRALS = {
  anak: { service: 'dukungan_psikososial', provider: 'Layanan Dukungan Psikososial Dinsos {kab}' },
  lansia: { service: 'kesehatan', provider: 'Puskesmas {kec}' },
  disabilitas: { service: 'rehabilitasi_sosial', provider: 'UPT Rehabilitasi Sosial Bina Daksa' },
  ibu_hamil: { service: 'kesehatan', provider: 'Puskesmas {kec}' },
  fakir_miskin: { service: 'logistik', provider: 'Tagana {kab}: logistik' },
} as const;

/** How a warning handled in time ends: nothing happened. */
export const PREVENTED_OUTCOMES: readonly string[] = [
  'Sinyal ditangani sebelum pecah: pertemuan tokoh kedua pihak di balai desa {desa}, situasi aman sampai acara selesai.',
  'Rencana pengerahan massa batal setelah koordinasi dengan pengurus dan Forkopimka {kec}; tidak ada kejadian.',
  'Informasi provokatif diklarifikasi lewat perangkat desa dan tokoh agama; warga tenang, pemantauan dihentikan.',
];

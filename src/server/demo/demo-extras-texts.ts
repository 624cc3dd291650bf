// Texts of the demo's workshops, peace agreement and lessons (invented, in the voice of a Dinsos office).
import type { LessonWriting } from '../../shared/lessons/lesson-rules.ts';

export const WORKSHOP_TOPICS: readonly string[] = [
  'Rapat koordinasi evaluasi penanganan konflik sosial',
  'Workshop evaluasi kesiapsiagaan bulan Suro',
  'Rapat koordinasi pilar sosial dan mitra',
  'Workshop evaluasi pemulihan pascakonflik',
];

export const ACTION_TEXTS: readonly ((kabkota: string) => string)[] = [
  (kab) => `Memetakan ulang titik rawan konvoi perguruan silat di ${kab} bersama Polres`,
  (kab) => `Melatih TKSK dan Tagana ${kab} tentang pendataan kelompok rentan di lokasi konflik`,
  (kab) => `Menyusun jadwal patroli bersama pengurus perguruan dan Karang Taruna ${kab}`,
];

export const AGREEMENT_TEXT = (a: string, b: string) =>
  `Pengurus cabang ${a} dan ${b} sepakat: (1) menahan anggota dari aksi balasan; (2) tidak menggelar konvoi ` +
  'tanpa pemberitahuan kepada Polres dan Dinsos; (3) menyelesaikan gesekan antaranggota melalui pengurus ranting; ' +
  '(4) bersama-sama mengganti kerusakan rumah warga. Disaksikan Forkopimda dan tokoh masyarakat.';

type LessonText = Omit<LessonWriting, 'regionCode'>;

export const LESSONS: readonly LessonText[] = [
  {
    title: 'Mendamaikan dua perguruan lewat pengurus ranting',
    situation: 'Saling serang anggota dua perguruan silat setelah coretan di tugu perguruan.',
    actionsTaken:
      'Pengurus ranting kedua pihak dipertemukan di balai desa; anggota yang terlibat dibina pengurusnya.',
    whatWorked: 'Perdamaian disaksikan Forkopimka dan diumumkan di grup WA kedua perguruan.',
    whatToAvoid: 'Mempertemukan massa kedua pihak sebelum pengurus sepakat.',
    conflictType: 'antar_perguruan_silat',
    tags: ['perdamaian', 'perguruan silat', 'mediasi'],
  },
  {
    title: 'Pengawalan konvoi malam 1 Suro tanpa bentrok',
    situation: 'Ribuan anggota perguruan berkonvoi melintasi tiga kecamatan menuju makam pendiri.',
    actionsTaken: 'Rute disepakati sepekan sebelumnya, titik rawan dijaga Polres dan pilar sosial.',
    whatWorked: 'Pengurus ikut di depan dan belakang rombongan; desa yang dilewati diberi tahu lebih dulu.',
    whatToAvoid: 'Mengubah rute di hari H tanpa memberi tahu desa yang dilewati.',
    conflictType: 'antar_perguruan_silat',
    tags: ['1 Suro', 'konvoi', 'pengamanan'],
  },
  {
    title: 'Warga dan perguruan berdamai setelah warung dirusak',
    situation: 'Rombongan perguruan merusak warung warga yang dituduh melindungi anggota lawan.',
    actionsTaken: 'Mediasi di balai desa; perguruan mengganti kerusakan dan meminta maaf terbuka.',
    whatWorked: 'Ganti rugi dibayar tunai di hadapan warga; kepala desa mengumumkan kesepakatan.',
    whatToAvoid: 'Membiarkan desas-desus tentang pelaku beredar tanpa klarifikasi.',
    conflictType: 'perguruan_silat_vs_warga',
    tags: ['ganti rugi', 'mediasi', 'warga'],
  },
  {
    title: 'Rombongan suporter tandang dikawal sampai batas kabupaten',
    situation: 'Ajakan "sweeping" suporter tamu beredar di media sosial jelang laga.',
    actionsTaken: 'Korlap kedua kelompok dihubungi; rombongan dikawal dari batas kabupaten ke stadion.',
    whatWorked: 'Jalur khusus rombongan tamu dan jam keberangkatan yang disepakati.',
    whatToAvoid: 'Membiarkan rombongan tamu berhenti di kecamatan yang sedang panas.',
    conflictType: 'antar_suporter',
    tags: ['suporter', 'pengawalan', 'media sosial'],
  },
  {
    title: 'Sengketa hasil pilkades diselesaikan lewat panitia',
    situation: 'Pendukung calon yang kalah memblokir balai desa menuntut hitung ulang.',
    actionsTaken: 'Panitia pilkades, camat dan kedua calon bertemu; keberatan disalurkan ke jalur resmi.',
    whatWorked: 'Hitung ulang terbuka di TPS yang dipersoalkan, disaksikan kedua pihak.',
    whatToAvoid: 'Menunda jawaban atas keberatan sampai massa berkumpul.',
    conflictType: 'pilkades_pemilu',
    tags: ['pilkades', 'keberatan', 'panitia'],
  },
  {
    title: 'Sengketa batas lahan tambak dirundingkan dengan peta desa',
    situation: 'Dua kelompok petambak saling klaim pematang setelah banjir rob.',
    actionsTaken: 'Peta desa dan saksi sepuh dihadirkan; batas ditandai ulang bersama BPN.',
    whatWorked: 'Patok baru dipasang hari itu juga di hadapan kedua kelompok.',
    whatToAvoid: 'Memutuskan batas tanpa kehadiran pemilik lahan yang bersebelahan.',
    conflictType: 'sengketa_lahan_sda',
    tags: ['lahan', 'batas', 'tambak'],
  },
  {
    title: 'Berebut air irigasi di musim kemarau',
    situation: 'Petani hulu dan hilir bertengkar soal giliran pintu air.',
    actionsTaken: 'HIPPA dan kepala desa menyusun jadwal giliran tertulis yang ditempel di pintu air.',
    whatWorked: 'Jadwal dijaga bergantian oleh wakil kedua desa.',
    whatToAvoid: 'Membuka pintu air di luar jadwal tanpa musyawarah.',
    conflictType: 'sengketa_lahan_sda',
    tags: ['irigasi', 'kemarau', 'musyawarah'],
  },
  {
    title: 'Isu rumah ibadah diredam FKUB sebelum membesar',
    situation: 'Penolakan renovasi rumah ibadah beredar lewat pesan berantai.',
    actionsTaken: 'FKUB dan Kemenag menjelaskan izin; tokoh agama kedua pihak bertemu.',
    whatWorked: 'Klarifikasi cepat di grup WA desa oleh tokoh yang dihormati.',
    whatToAvoid: 'Membalas pesan berantai dengan pesan berantai.',
    conflictType: 'sara_agama',
    tags: ['FKUB', 'hoaks', 'rumah ibadah'],
  },
  {
    title: 'Tawuran pemuda antardusun dihentikan dengan kegiatan bersama',
    situation: 'Pemuda dua dusun saling lempar batu setelah orkes dangdut.',
    actionsTaken: 'Karang Taruna kedua dusun menggelar turnamen voli bersama.',
    whatWorked: 'Panitia orkes berikutnya dari kedua dusun; acara selesai sebelum tengah malam.',
    whatToAvoid: 'Acara hiburan malam tanpa pengamanan linmas.',
    conflictType: 'antarwarga',
    tags: ['pemuda', 'Karang Taruna', 'orkes'],
  },
  {
    title: 'Pengungsi anak dan lansia didahulukan di posko',
    situation: 'Puluhan warga mengungsi setelah rumahnya dirusak massa.',
    actionsTaken: 'Tagana membuka posko; TKSK mendata anak, lansia dan ibu hamil lebih dulu.',
    whatWorked: 'Rujukan ke Puskesmas hari itu juga; wali anak dicatat dengan persetujuannya.',
    whatToAvoid: 'Mendata nama lengkap warga rentan di tempat umum.',
    conflictType: 'antarwarga',
    tags: ['pengungsian', 'kelompok rentan', 'posko'],
  },
  {
    title: 'Batas desa disepakati ulang setelah pemekaran',
    situation: 'Warga dua desa berselisih soal lokasi pos kamling di perbatasan.',
    actionsTaken: 'Bagian Pemerintahan kabupaten menunjukkan peta batas resmi.',
    whatWorked: 'Pos kamling dibangun bersama dan dijaga bergantian.',
    whatToAvoid: 'Membangun fasilitas di lahan yang batasnya masih diperselisihkan.',
    conflictType: 'batas_wilayah',
    tags: ['batas desa', 'pemekaran'],
  },
  {
    title: 'Tuduhan santet ditangani sebelum main hakim sendiri',
    situation: 'Seorang warga lansia dituduh dukun santet setelah tetangga meninggal mendadak.',
    actionsTaken: 'Lansia diamankan ke rumah kerabat; tokoh agama dan Bhabinkamtibmas menenangkan warga.',
    whatWorked: 'Penjelasan dokter Puskesmas tentang sebab kematian di pengajian desa.',
    whatToAvoid: 'Membiarkan warga berkumpul di depan rumah yang dituduh.',
    conflictType: 'lainnya',
    tags: ['santet', 'lansia', 'main hakim sendiri'],
  },
];

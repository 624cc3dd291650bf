// The data map (UU 27/2022): every column of Sigap's database that holds personal data, declared once and reviewed
// in code. It drives the record of processing activities, the masks of people, the subject-access search and the
// retention job. A test compares it with the migrated schema: a column whose name or comment marks personal data
// must be declared here (or listed in NOT_PERSONAL with the reason), so a new column cannot hold personal data
// without a purpose, a lawful basis and a retention rule. Pure: the web imports it too.

/** Umum (general) or spesifik (specific: Pasal 4 ayat 2 — children, health, which includes disability). */
export type DataCategory = 'umum' | 'spesifik';
/** Why specific data is specific. */
export type SpecificKind = 'anak' | 'disabilitas' | 'kesehatan';

/** The lawful bases of Pasal 20 ayat 2 UU 27/2022. */
export const LAWFUL_BASES = [
  'persetujuan',
  'perjanjian',
  'kewajiban_hukum',
  'kepentingan_vital',
  'tugas_publik',
  'kepentingan_sah',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, { id: string; en: string }> = {
  persetujuan: { id: 'Persetujuan subjek data (Pasal 20 ayat 2 huruf a)', en: 'Consent of the data subject' },
  perjanjian: { id: 'Pemenuhan perjanjian (Pasal 20 ayat 2 huruf b)', en: 'Performance of an agreement' },
  kewajiban_hukum: { id: 'Kewajiban hukum (Pasal 20 ayat 2 huruf c)', en: 'Legal obligation' },
  kepentingan_vital: {
    id: 'Pelindungan kepentingan vital subjek data (Pasal 20 ayat 2 huruf d)',
    en: 'Vital interest of the data subject',
  },
  tugas_publik: {
    id: 'Pelaksanaan tugas kepentingan umum / kewenangan (Pasal 20 ayat 2 huruf e; UU 7/2012)',
    en: 'Public task (UU 7/2012 on handling social conflict)',
  },
  kepentingan_sah: { id: 'Kepentingan yang sah (Pasal 20 ayat 2 huruf f)', en: 'Legitimate interest' },
};

/**
 * When personal data leaves: the retention job anonymises or removes it by these rules (the years and months are
 * settings with these defaults).
 */
export const RETENTION_RULES = {
  kasus_ditutup: {
    id: 'Dianonimkan {n} tahun setelah kasus ditutup',
    en: 'Anonymised {n} years after the case closed',
    setting: 'caseClosedYears',
    default: 5,
  },
  pilar_tidak_aktif: {
    id: 'Dianonimkan {n} tahun setelah pilar tidak aktif',
    en: 'Anonymised {n} years after the pillar became inactive',
    setting: 'pillarInactiveYears',
    default: 3,
  },
  akun_nonaktif: {
    id: 'Dianonimkan {n} tahun setelah akun dinonaktifkan',
    en: 'Anonymised {n} years after the account was deactivated',
    setting: 'accountInactiveYears',
    default: 2,
  },
  sesi: {
    id: 'Dihapus bersama sesinya (paling lama {n} hari)',
    en: 'Deleted with its session (at most {n} days)',
    setting: 'sessionDays',
    default: 30,
  },
  rapat: {
    id: 'Dianonimkan {n} tahun setelah rapat',
    en: 'Anonymised {n} years after the meeting',
    setting: 'workshopYears',
    default: 5,
  },
} as const;
export type RetentionRule = keyof typeof RETENTION_RULES;

/** How a column is shown to someone who may see the record but not the person: the one mask per column. */
export type MaskKind = 'name' | 'nik' | 'phone' | 'hidden' | 'none';

/** The processing activities (kegiatan pemrosesan) of the record of processing. */
export const ACTIVITIES = {
  penanganan_kasus: {
    id: 'Penanganan kelompok rentan dalam kasus konflik sosial',
    en: 'Protecting vulnerable people in social-conflict cases',
    subjects: {
      id: 'Lansia, anak, penyandang disabilitas, ibu hamil, fakir miskin terdampak konflik',
      en: 'Vulnerable people affected by conflict',
    },
    recipients: {
      id: 'Operator kab/kota penangan kasus, petugas yang ditugaskan, Bakorwil/provinsi setelah eskalasi; layanan rujukan',
      en: 'Case handlers; referral services',
    },
  },
  laporan_lapangan: {
    id: 'Laporan lapangan dan dokumentasi penanganan',
    en: 'Field reports and documentation of handling',
    subjects: {
      id: 'Pelapor (relawan, petugas), orang yang disebut dalam laporan atau tampak di foto',
      en: 'Reporters, people named in reports or shown in photos',
    },
    recipients: {
      id: 'Operator wilayah laporan; mitra untuk disposisi',
      en: "The region's operators; partner agencies for dispositions",
    },
  },
  registri_pilar: {
    id: 'Registri pilar sosial (Tagana, TKSK, PSM, Karang Taruna, relawan)',
    en: 'Registry of social pillars',
    subjects: { id: 'Pilar sosial', en: 'Social pillars' },
    recipients: { id: 'Operator kab/kota pengelola registri, provinsi', en: 'Registry managers' },
  },
  kontak_kelompok: {
    id: 'Kontak narahubung kelompok (perguruan silat, suporter) untuk pencegahan',
    en: 'Contact persons of groups for prevention',
    subjects: { id: 'Narahubung cabang kelompok', en: 'Contact persons of group branches' },
    recipients: { id: 'Operator kab/kota, provinsi', en: 'Operators, province' },
  },
  akun_pengguna: {
    id: 'Akun pengguna dan keamanan masuk',
    en: 'User accounts and sign-in security',
    subjects: { id: 'Pegawai Dinsos, relawan, petugas mitra', en: 'Staff, volunteers, partner users' },
    recipients: { id: 'Admin', en: 'Admin' },
  },
  rapat_koordinasi: {
    id: 'Rapat koordinasi dan tindak lanjutnya',
    en: 'Coordination meetings and their follow-up',
    subjects: {
      id: 'Peserta rapat, penanggung jawab tindak lanjut',
      en: 'Participants, owners of action items',
    },
    recipients: { id: 'Penyelenggara rapat, Bakorwil, provinsi', en: 'Organisers' },
  },
} as const;
export type Activity = keyof typeof ACTIVITIES;

export type DataMapEntry = {
  table: string;
  column: string;
  category: DataCategory;
  /** For specific data: which kind makes it specific. */
  specific?: readonly SpecificKind[];
  activity: Activity;
  /** What the column is for (Indonesian first). */
  purpose: { id: string; en: string };
  basis: LawfulBasis;
  retention: RetentionRule;
  /** How it is masked outside those who may see it. */
  mask: MaskKind;
  /** What the retention job writes instead ('null' empties it; 'masked' keeps the mask; 'removed' for photos). */
  anonymise: 'null' | 'mask' | 'label' | 'remove';
};

const e = (entry: DataMapEntry): DataMapEntry => entry;

/** The same entry for several columns of one table (a point's latitude and longitude). */
const each = (columns: readonly string[], { table, ...rest }: Omit<DataMapEntry, 'column'>): DataMapEntry[] =>
  columns.map((column) => ({ table, column, ...rest }));

/** Every column holding personal data. Keep in table order; the schema test names any column missing here. */
export const DATA_MAP: readonly DataMapEntry[] = [
  // ── vulnerable people in cases ─────────────────────────────────────────────────────────────────
  e({
    table: 'vulnerable_people',
    column: 'full_name',
    category: 'spesifik',
    specific: ['anak', 'disabilitas'],
    activity: 'penanganan_kasus',
    purpose: {
      id: 'Mengenali orang rentan agar dilindungi dan dirujuk',
      en: 'Identify a vulnerable person to protect and refer them',
    },
    basis: 'kepentingan_vital',
    retention: 'kasus_ditutup',
    mask: 'name',
    anonymise: 'label',
  }),
  e({
    table: 'vulnerable_people',
    column: 'nik',
    category: 'spesifik',
    specific: ['anak', 'disabilitas'],
    activity: 'penanganan_kasus',
    purpose: {
      id: 'Kolom lama NIK terbuka; dikosongkan saat disegel ke nik_encrypted',
      en: 'Retired plain NIK, emptied when sealed',
    },
    basis: 'kepentingan_vital',
    retention: 'kasus_ditutup',
    mask: 'nik',
    anonymise: 'null',
  }),
  e({
    table: 'vulnerable_people',
    column: 'nik_encrypted',
    category: 'spesifik',
    specific: ['anak', 'disabilitas'],
    activity: 'penanganan_kasus',
    purpose: {
      id: 'NIK untuk rujukan ke layanan (terenkripsi)',
      en: 'NIK for referral to services (encrypted)',
    },
    basis: 'kepentingan_vital',
    retention: 'kasus_ditutup',
    mask: 'nik',
    anonymise: 'null',
  }),
  e({
    table: 'vulnerable_people',
    column: 'nik_hash',
    category: 'spesifik',
    specific: ['anak', 'disabilitas'],
    activity: 'penanganan_kasus',
    purpose: {
      id: 'Mencocokkan orang yang sama tanpa membuka NIK',
      en: 'Match the same person without opening the NIK',
    },
    basis: 'kepentingan_vital',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'null',
  }),
  e({
    table: 'vulnerable_people',
    column: 'age',
    category: 'spesifik',
    specific: ['anak'],
    activity: 'penanganan_kasus',
    purpose: {
      id: 'Usia menentukan perlindungan anak dan lansia',
      en: 'Age decides child and elderly protection',
    },
    basis: 'kepentingan_vital',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'null',
  }),
  e({
    table: 'vulnerable_people',
    column: 'vulnerable_group',
    category: 'spesifik',
    specific: ['anak', 'disabilitas'],
    activity: 'penanganan_kasus',
    purpose: {
      id: 'Kelompok rentan untuk prioritas dan statistik',
      en: 'Vulnerable group for priority and statistics',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'none',
    anonymise: 'mask',
  }),
  e({
    table: 'vulnerable_people',
    column: 'needs',
    category: 'spesifik',
    specific: ['kesehatan', 'disabilitas'],
    activity: 'penanganan_kasus',
    purpose: {
      id: 'Kebutuhan (kesehatan, alat bantu) untuk rujukan',
      en: 'Needs (health, aids) for referral',
    },
    basis: 'kepentingan_vital',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'null',
  }),
  e({
    table: 'vulnerable_people',
    column: 'guardian_name',
    category: 'umum',
    activity: 'penanganan_kasus',
    purpose: {
      id: 'Orang tua/wali yang memberi persetujuan untuk anak',
      en: 'Parent or guardian who consented for a child',
    },
    basis: 'persetujuan',
    retention: 'kasus_ditutup',
    mask: 'name',
    anonymise: 'null',
  }),
  e({
    table: 'referrals',
    column: 'handover_follow_up',
    category: 'umum',
    activity: 'penanganan_kasus',
    purpose: {
      id: 'Siapa menindaklanjuti rujukan setelah kasus ditutup',
      en: 'Who follows a referral up after closing',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'none',
    anonymise: 'null',
  }),
  // ── field reports ───────────────────────────────────────────────────────────────────────────────
  e({
    table: 'reports',
    column: 'description',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: { id: 'Uraian kejadian; dapat menyebut nama orang', en: 'What happened; may name people' },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'none',
    anonymise: 'label',
  }),
  e({
    table: 'reports',
    column: 'groups_involved',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Kelompok/pihak yang terlibat; dapat menyebut nama',
      en: 'Groups or parties involved; may name people',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'none',
    anonymise: 'null',
  }),
  e({
    table: 'channel_messages',
    column: 'sender',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Nomor pengirim pesan WhatsApp/SMS, untuk membalas dan mengenali pelapor',
      en: 'Number of the WhatsApp/SMS sender, to reply and recognise the reporter',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'phone',
    anonymise: 'null',
  }),
  e({
    table: 'channel_messages',
    column: 'body',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Isi pesan yang menjadi laporan; dapat menyebut nama orang',
      en: 'The message that becomes a report; may name people',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'none',
    anonymise: 'label',
  }),
  ...each(['latitude', 'longitude'], {
    table: 'channel_messages',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Lokasi yang dikirim pengirim; dapat menunjuk tempat tinggalnya',
      en: 'Location the sender shared; may point at their home',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'null',
  }),
  e({
    table: 'channel_outbox',
    column: 'recipient',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: { id: 'Nomor tujuan balasan dan pemberitahuan', en: 'Number a reply or notice is sent to' },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'phone',
    anonymise: 'null',
  }),
  e({
    table: 'provocation_sightings',
    column: 'links',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Tautan konten provokatif; dapat menyebut akun pengunggah',
      en: 'Links of provocative content; may name the posting account',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'null',
  }),
  e({
    table: 'provocation_sightings',
    column: 'poster_account',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Akun atau nama yang mengunggah atau meneruskan konten',
      en: 'Account or name that posted or forwarded the content',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'name',
    anonymise: 'null',
  }),
  e({
    table: 'report_photos',
    column: 'bytes',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: { id: 'Foto bukti; dapat menampakkan wajah', en: 'Evidence photos; may show faces' },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'remove',
  }),
  e({
    table: 'case_photos',
    column: 'bytes',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: { id: 'Foto penanganan; dapat menampakkan wajah', en: 'Photos of handling; may show faces' },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'remove',
  }),
  ...each(['latitude', 'longitude'], {
    table: 'follow_ups',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Lokasi check-in petugas untuk keselamatannya',
      en: "Check-in location for the worker's safety",
    },
    basis: 'kepentingan_vital',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'null',
  }),
  e({
    table: 'peace_agreements',
    column: 'document',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Naskah kesepakatan damai dengan nama penandatangan',
      en: 'Peace agreement with its signatories',
    },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'hidden',
    anonymise: 'remove',
  }),
  // ── pillars ─────────────────────────────────────────────────────────────────────────────────────
  e({
    table: 'pillars',
    column: 'name',
    category: 'umum',
    activity: 'registri_pilar',
    purpose: { id: 'Nama pilar untuk penugasan', en: 'Pillar name for assignments' },
    basis: 'persetujuan',
    retention: 'pilar_tidak_aktif',
    mask: 'name',
    anonymise: 'label',
  }),
  e({
    table: 'pillars',
    column: 'name_key',
    category: 'umum',
    activity: 'registri_pilar',
    purpose: { id: 'Nama untuk pencarian dan pencocokan', en: 'Name for search and matching' },
    basis: 'persetujuan',
    retention: 'pilar_tidak_aktif',
    mask: 'hidden',
    anonymise: 'label',
  }),
  e({
    table: 'pillars',
    column: 'nik_encrypted',
    category: 'umum',
    activity: 'registri_pilar',
    purpose: {
      id: 'NIK untuk mencegah pendaftaran ganda (terenkripsi)',
      en: 'NIK against double registration (encrypted)',
    },
    basis: 'persetujuan',
    retention: 'pilar_tidak_aktif',
    mask: 'nik',
    anonymise: 'null',
  }),
  e({
    table: 'pillars',
    column: 'nik_hash',
    category: 'umum',
    activity: 'registri_pilar',
    purpose: { id: 'Mencocokkan NIK tanpa membukanya', en: 'Match a NIK without opening it' },
    basis: 'persetujuan',
    retention: 'pilar_tidak_aktif',
    mask: 'hidden',
    anonymise: 'null',
  }),
  e({
    table: 'pillars',
    column: 'phone',
    category: 'umum',
    activity: 'registri_pilar',
    purpose: { id: 'Menghubungi pilar untuk penugasan', en: 'Contact the pillar for assignments' },
    basis: 'persetujuan',
    retention: 'pilar_tidak_aktif',
    mask: 'phone',
    anonymise: 'null',
  }),
  e({
    table: 'workshop_participants',
    column: 'name',
    category: 'umum',
    activity: 'rapat_koordinasi',
    purpose: { id: 'Daftar hadir rapat koordinasi', en: 'Attendance of coordination meetings' },
    basis: 'tugas_publik',
    retention: 'rapat',
    mask: 'name',
    anonymise: 'mask',
  }),
  e({
    table: 'workshop_actions',
    column: 'owner_name',
    category: 'umum',
    activity: 'rapat_koordinasi',
    purpose: { id: 'Penanggung jawab tindak lanjut rapat', en: 'Owner of a meeting action item' },
    basis: 'tugas_publik',
    retention: 'rapat',
    mask: 'name',
    anonymise: 'mask',
  }),
  // ── group contacts ──────────────────────────────────────────────────────────────────────────────
  e({
    table: 'actor_group_branches',
    column: 'contact_name',
    category: 'umum',
    activity: 'kontak_kelompok',
    purpose: { id: 'Narahubung cabang untuk dialog pencegahan', en: 'Branch contact for prevention talks' },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'name',
    anonymise: 'null',
  }),
  e({
    table: 'actor_group_branches',
    column: 'contact_phone',
    category: 'umum',
    activity: 'kontak_kelompok',
    purpose: { id: 'Nomor narahubung cabang', en: 'Branch contact number' },
    basis: 'tugas_publik',
    retention: 'kasus_ditutup',
    mask: 'phone',
    anonymise: 'null',
  }),
  // ── accounts ────────────────────────────────────────────────────────────────────────────────────
  e({
    table: 'users',
    column: 'username',
    category: 'umum',
    activity: 'akun_pengguna',
    purpose: { id: 'Nama masuk akun', en: 'Sign-in name' },
    basis: 'perjanjian',
    retention: 'akun_nonaktif',
    mask: 'none',
    anonymise: 'label',
  }),
  e({
    table: 'users',
    column: 'display_name',
    category: 'umum',
    activity: 'akun_pengguna',
    purpose: { id: 'Nama yang tampil pada tindakan pengguna', en: "Name shown on the user's actions" },
    basis: 'perjanjian',
    retention: 'akun_nonaktif',
    mask: 'none',
    anonymise: 'label',
  }),
  e({
    table: 'users',
    column: 'phone',
    category: 'umum',
    activity: 'akun_pengguna',
    purpose: {
      id: 'Nomor WhatsApp/SMS: pesan pengguna dikenali dan pemberitahuan dikirim',
      en: "WhatsApp/SMS number: the user's messages are recognised and notices sent",
    },
    basis: 'perjanjian',
    retention: 'akun_nonaktif',
    mask: 'phone',
    anonymise: 'null',
  }),
  e({
    table: 'notice_settings',
    column: 'email',
    category: 'umum',
    activity: 'akun_pengguna',
    purpose: {
      id: 'Alamat e-mail pengguna untuk pemberitahuan yang dipilihnya',
      en: "The user's e-mail address for the notices they chose",
    },
    basis: 'perjanjian',
    retention: 'akun_nonaktif',
    mask: 'hidden',
    anonymise: 'null',
  }),
  e({
    table: 'sessions',
    column: 'user_agent',
    category: 'umum',
    activity: 'akun_pengguna',
    purpose: {
      id: 'Mengenali sesi agar pengguna dapat mengakhirinya',
      en: 'Recognise a session so its user can end it',
    },
    basis: 'kepentingan_sah',
    retention: 'sesi',
    mask: 'none',
    anonymise: 'remove',
  }),
  e({
    table: 'sessions',
    column: 'address',
    category: 'umum',
    activity: 'akun_pengguna',
    purpose: {
      id: 'Alamat jaringan masuk, untuk keamanan akun',
      en: 'Sign-in network address, for account security',
    },
    basis: 'kepentingan_sah',
    retention: 'sesi',
    mask: 'none',
    anonymise: 'remove',
  }),
  e({
    table: 'auth_failures',
    column: 'source',
    category: 'umum',
    activity: 'akun_pengguna',
    purpose: {
      id: 'Menahan tebakan kata sandi dari satu alamat',
      en: 'Hold back password guessing from one address',
    },
    basis: 'kepentingan_sah',
    retention: 'sesi',
    mask: 'none',
    anonymise: 'remove',
  }),
  e({
    table: 'auth_failures',
    column: 'username_key',
    category: 'umum',
    activity: 'akun_pengguna',
    purpose: {
      id: 'Menahan tebakan kata sandi pada satu akun',
      en: 'Hold back password guessing on one account',
    },
    basis: 'kepentingan_sah',
    retention: 'sesi',
    mask: 'none',
    anonymise: 'remove',
  }),
  // ── consent and its withdrawal ─────────────────────────────────────────────────────────────────
  e({
    table: 'privacy_consents',
    column: 'subject_key',
    category: 'umum',
    activity: 'laporan_lapangan',
    purpose: {
      id: 'Bukti persetujuan dan penarikannya (nomor pelapor warga atau id pilar/anak)',
      en: "Proof of consent and its withdrawal (a reporter's phone or a pillar/child id)",
    },
    basis: 'kewajiban_hukum',
    retention: 'kasus_ditutup',
    mask: 'phone',
    anonymise: 'remove',
  }),
];

/**
 * Columns whose NAME looks like personal data but holds none: the reason is reviewed like an entry of the map.
 */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {
  'export_jobs.file_name': 'Nama berkas ekspor (jenis daftar dan tanggal)',
  'history_imports.file_name': 'Nama berkas riwayat kejadian yang diunggah',
  'channel_outbox.last_error': 'Kode status atau jenis galat penyedia, tanpa data pribadi',
  'notices.last_error': 'Kode balasan SMTP atau jenis galat, tanpa data pribadi',
  'provocation_counter_messages.carrier_name':
    'Tokoh atau kantor yang menyampaikan kontra-narasi, dalam peran publiknya',
  'regions.name': 'Nama wilayah',
  'bakorwil.name': 'Nama Bakorwil',
  'agencies.name': 'Nama lembaga mitra',
  'actor_groups.name': 'Nama organisasi',
  'actor_groups.short_name': 'Singkatan organisasi',
  'actor_groups.name_key': 'Nama organisasi untuk pencocokan',
  'actor_group_branches.name': 'Nama cabang organisasi',
  'actor_group_branches.address': 'Alamat sekretariat cabang organisasi, bukan orang',
  'schema_migrations.name': 'Nama berkas migrasi',
  'backup_runs.file_name': 'Nama berkas cadangan',
  'generated_reports.file_name': 'Nama berkas laporan evaluasi',
  'workshop_materials.file_name': 'Nama berkas materi rapat',
  'reports.latitude': 'Lokasi kejadian, bukan orang',
  'reports.longitude': 'Lokasi kejadian, bukan orang',
  'vulnerable_people.guardian_consent': 'Tanda persetujuan wali (dasar pemrosesan), bukan data tentang orang',
};

/** The entry of one column, if it holds personal data. */
export function dataMapEntry(table: string, column: string): DataMapEntry | undefined {
  return DATA_MAP.find((entry) => entry.table === table && entry.column === column);
}

/** A column name that suggests personal data: every such column must be in the map or in NOT_PERSONAL. */
export const PERSONAL_NAME_PATTERN =
  /(^|_)(nik|name|phone|contact|address|guardian|age|birth|email|user_agent|latitude|longitude|photo)(_|$)/;

/** A column comment that marks personal data. */
export const PERSONAL_COMMENT_PATTERN = /personal data|data pribadi|UU 27\/2022|\bNIK\b/i;

// Every user-facing string of Sigap, Bahasa Indonesia first and English second.
// Pure: no DOM and no node:* imports, so the server can use the same table.

/** The languages Sigap speaks; Indonesian is the default. */
export type Lang = 'id' | 'en';

/** The languages in the order the switch offers them. */
export const LANGS: readonly Lang[] = ['id', 'en'];
/** The language of a first visit: Bahasa Indonesia. */
export const DEFAULT_LANG: Lang = 'id';

/** True when `value` names a language Sigap speaks. */
export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

const id = {
  'app.name': 'Sigap',
  'app.tagline': 'Pencegahan dan penanganan konflik sosial',
  'app.owner': 'Dinas Sosial Provinsi Jawa Timur',

  'common.skipToContent': 'Langsung ke isi utama',
  'common.loading': 'Memuat…',
  'common.retry': 'Coba lagi',

  'lang.switchLabel': 'Bahasa / Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'login.title': 'Masuk ke Sigap',
  'login.intro': 'Gunakan akun yang diberikan oleh Dinas Sosial atau operator kabupaten/kota Anda.',
  'login.username': 'Nama pengguna',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.submitting': 'Sedang masuk…',
  'login.required': 'Isi nama pengguna dan kata sandi.',
  'login.forgot': 'Lupa kata sandi? Hubungi operator Sigap di kabupaten/kota Anda untuk mengatur ulang.',

  'shell.signOut': 'Keluar',
  'shell.menu': 'Menu utama',
  'shell.signedInAs': 'Masuk sebagai',
  'shell.nextSteps': 'Langkah berikutnya',
  'shell.home': 'Kembali ke halaman awal',

  'role.relawan': 'Relawan',
  'role.operator': 'Operator kabupaten/kota',
  'role.koordinator': 'Koordinator Bakorwil',
  'role.provinsi': 'Dinas Sosial Provinsi',
  'role.mitra': 'Mitra',
  'role.admin': 'Administrator',

  'nav.lapor': 'Lapor',
  'nav.tugas': 'Tugas saya',
  'nav.kotakKeluar': 'Kotak keluar',
  'nav.kotakMasuk': 'Kotak masuk',
  'nav.kasus': 'Kasus',
  'nav.pilar': 'Pilar',
  'nav.dasbor': 'Dasbor',
  'nav.evaluasi': 'Evaluasi',
  'nav.peringatanDini': 'Peringatan dini',
  'nav.disposisi': 'Disposisi',
  'nav.pengguna': 'Pengguna',
  'nav.wilayah': 'Wilayah & Bakorwil',
  'nav.pengaturan': 'Pengaturan',
  'nav.akun': 'Ganti kata sandi',

  'purpose.lapor':
    'Kirim laporan potensi atau kejadian konflik sosial dari lapangan: apa yang terjadi, di desa/kelurahan mana, kapan, dan siapa yang terdampak. Kelompok rentan — anak, lansia, penyandang disabilitas, ibu hamil — dicatat lebih dulu agar ditangani lebih dulu.',
  'purpose.tugas':
    'Tugas dari operator kabupaten/kota untuk Anda: memeriksa kebenaran laporan di lapangan, mendampingi warga terdampak, atau melaporkan perkembangan keadaan.',
  'purpose.kotakKeluar':
    'Laporan yang sudah Anda buat tetapi belum sampai ke server, misalnya karena tidak ada sinyal. Laporan di sini tersimpan aman di ponsel ini sampai terkirim.',
  'purpose.kotakMasuk':
    'Laporan baru dari relawan dan pilar sosial di kabupaten/kota Anda yang belum diperiksa. Laporan yang menyebut kelompok rentan tampil paling atas.',
  'purpose.kasus':
    'Kasus konflik sosial di wilayah Anda beserta tahapnya — pencegahan, penghentian, pemulihan, atau selesai — dan siapa yang menanganinya.',
  'purpose.pilar':
    'Pilar sosial di kabupaten/kota Anda — TKSK, Tagana, PSM, pekerja sosial, dan relawan lain — beserta kecamatan tugas dan kontaknya.',
  'purpose.dasbor':
    'Ringkasan keadaan di wilayah Anda: jumlah laporan dan kasus per tahap, kasus yang melewati tenggat, dan sebaran lokasinya.',
  'purpose.evaluasi':
    'Penilaian penanganan kasus yang sudah berjalan — kecepatan tanggapan, ketepatan tahap, dan pemulihan warga terdampak — sebagai bahan perbaikan.',
  'purpose.peringatanDini':
    'Status peringatan dini konflik sosial per wilayah — Waspada, Siaga, atau Awas — yang ditetapkan dari laporan lapangan dan disampaikan kepada instansi terkait.',
  'purpose.disposisi':
    'Permintaan penanganan dari Dinas Sosial yang ditujukan kepada instansi Anda, dengan ringkasan kasus dan tenggat tanggapan.',
  'purpose.pengguna':
    'Akun semua pengguna Sigap — relawan, operator, koordinator, staf provinsi, mitra, dan administrator — beserta peran dan wilayahnya.',
  'purpose.wilayah':
    'Wilayah Jawa Timur menurut kode Kemendagri (kabupaten/kota, kecamatan, desa/kelurahan) dan pembagian kabupaten/kota ke dalam Bakorwil.',
  'purpose.pengaturan':
    'Pengaturan yang berlaku untuk seluruh Sigap, misalnya tenggat penanganan tiap tahap dan sumber peta dasar.',

  // Next steps: one step per line, shown as a numbered list.
  'steps.relawan.lapor':
    'Pilih desa/kelurahan tempat kejadian.\nTulis singkat apa yang terjadi dan perkiraan jumlah orang terdampak, termasuk kelompok rentan.\nTekan Kirim. Tanpa sinyal, laporan menunggu di Kotak keluar dan terkirim sendiri saat tersambung.',
  'steps.relawan.tugas':
    'Buka tugas dengan tenggat paling dekat.\nKerjakan di lapangan dan catat hasilnya.\nTandai tugas selesai agar operator mengetahuinya.',
  'steps.relawan.kotakKeluar':
    'Periksa apakah ada laporan yang masih menunggu.\nSaat sinyal kembali, laporan terkirim sendiri; Anda juga dapat mengirim ulang.\nJangan hapus data peramban sebelum kotak keluar kosong.',
  'steps.operator.kotakMasuk':
    'Buka laporan teratas dan periksa kebenarannya; bila perlu hubungi pelapor.\nJadikan kasus baru, gabungkan dengan kasus yang ada, atau tolak dengan alasan.\nTugaskan pilar sosial terdekat bila perlu pengecekan lapangan.',
  'steps.operator.kasus':
    'Perbarui tahap dan catatan kasus setelah setiap tindakan.\nKirim disposisi ke mitra (misalnya Kesbangpol, Polres, BPBD) bila penanganan butuh instansi lain.\nTutup kasus setelah pemulihan selesai.',
  'steps.operator.pilar':
    'Pastikan setiap kecamatan memiliki pilar sosial yang aktif.\nPerbarui kontak dan kecamatan tugas bila berubah.\nBerikan tugas pengecekan lapangan dari kotak masuk atau kasus.',
  'steps.operator.dasbor':
    'Periksa kasus yang melewati tenggat setiap pagi.\nBandingkan jumlah laporan minggu ini dengan minggu lalu.\nSampaikan lonjakan laporan kepada koordinator Bakorwil.',
  'steps.koordinator.dasbor':
    'Bandingkan kabupaten/kota di wilayah Bakorwil Anda.\nTemukan wilayah dengan laporan yang meningkat atau kasus yang lama tertunda.\nBahas temuan dengan operator kabupaten/kota terkait.',
  'steps.koordinator.kasus':
    'Pantau kasus di wilayah Bakorwil Anda, terutama yang melewati tenggat.\nHubungi operator kabupaten/kota untuk kasus yang macet.\nNaikkan kasus lintas kabupaten/kota ke provinsi.',
  'steps.koordinator.evaluasi':
    'Pilih periode dan kabupaten/kota yang dinilai.\nTinjau kasus yang sudah selesai dan catat pelajarannya.\nSampaikan rekomendasi kepada operator kabupaten/kota.',
  'steps.provinsi.dasbor':
    'Lihat keadaan seluruh Jawa Timur per Bakorwil dan kabupaten/kota.\nPerhatikan wilayah berstatus Waspada, Siaga, atau Awas.\nSiapkan bahan rapat koordinasi dari ringkasan ini.',
  'steps.provinsi.peringatanDini':
    'Tinjau wilayah dengan laporan yang meningkat.\nTetapkan atau cabut status Waspada, Siaga, atau Awas beserta alasannya.\nSampaikan peringatan kepada operator dan mitra di wilayah tersebut.',
  'steps.provinsi.evaluasi':
    'Pilih periode evaluasi.\nBandingkan penanganan kasus antar-Bakorwil.\nUnduh laporan evaluasi untuk pimpinan.',
  'steps.mitra.disposisi':
    'Buka disposisi terbaru dan baca ringkasan kasusnya.\nNyatakan diterima dan tunjuk petugas penanggung jawab.\nLaporkan tindakan yang sudah dilakukan sampai disposisi selesai.',
  'steps.admin.pengguna':
    'Buat akun petugas baru dengan peran dan wilayah yang tepat.\nAtur ulang kata sandi pengguna yang lupa.\nNonaktifkan akun petugas yang sudah tidak bertugas.',
  'steps.admin.wilayah':
    'Pastikan setiap kabupaten/kota masuk ke satu Bakorwil.\nPerbarui pembagian Bakorwil bila kebijakan berubah.\nPeriksa nama wilayah yang dilaporkan keliru.',
  'steps.admin.pengaturan':
    'Tinjau tenggat penanganan tiap tahap bersama Dinas Sosial Provinsi.\nAtur sumber peta dasar bila tersedia; Sigap tetap berjalan tanpa peta dasar.\nBeri tahu pengguna bila ada pengaturan yang berubah.',

  'account.title': 'Ganti kata sandi',
  'account.intro': 'Kata sandi baru berlaku segera. Sesi Anda di perangkat lain akan dikeluarkan.',
  'account.current': 'Kata sandi saat ini',
  'account.new': 'Kata sandi baru',
  'account.newHint': 'Minimal {min} karakter.',
  'account.submit': 'Simpan kata sandi baru',
  'account.saving': 'Menyimpan…',
  'account.saved': 'Kata sandi berhasil diganti.',
  'account.required': 'Isi kata sandi saat ini dan kata sandi baru.',
  'account.tooShort': 'Kata sandi baru minimal {min} karakter.',
  'account.wrongCurrent': 'Kata sandi saat ini salah.',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat ini tidak ada atau tidak tersedia untuk peran Anda.',

  'error.invalid_credentials': 'Nama pengguna atau kata sandi salah.',
  'error.login_locked': 'Terlalu banyak percobaan masuk. Coba lagi dalam {minutes} menit.',
  'error.login_locked_later': 'Terlalu banyak percobaan masuk. Coba lagi nanti.',
  'error.unauthenticated': 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  'error.csrf_failed': 'Pemeriksaan keamanan gagal. Muat ulang halaman lalu coba lagi.',
  'error.validation_failed': 'Isian belum lengkap atau tidak valid. Periksa kembali.',
  'error.not_found': 'Data tidak ditemukan.',
  'error.forbidden': 'Peran Anda tidak diizinkan melakukan ini.',
  'error.too_many_requests': 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
  'error.unavailable': 'Layanan sedang tidak tersedia. Coba lagi beberapa saat lagi.',
  'error.internal': 'Terjadi kesalahan pada server. Coba lagi; bila berulang, hubungi administrator.',
  'error.network': 'Tidak dapat menghubungi server. Periksa sambungan internet lalu coba lagi.',
} as const;

/** Every message key; the English table must have exactly these. */
export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'app.name': 'Sigap',
  'app.tagline': 'Social conflict prevention and handling',
  'app.owner': 'East Java Provincial Social Affairs Office',

  'common.skipToContent': 'Skip to main content',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',

  'lang.switchLabel': 'Bahasa / Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'login.title': 'Sign in to Sigap',
  'login.intro': 'Use the account given to you by the Social Affairs Office or your regency/city operator.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.required': 'Enter your username and password.',
  'login.forgot': 'Forgot your password? Ask the Sigap operator of your regency/city to reset it.',

  'shell.signOut': 'Sign out',
  'shell.menu': 'Main menu',
  'shell.signedInAs': 'Signed in as',
  'shell.nextSteps': 'Next steps',
  'shell.home': 'Back to the start page',

  'role.relawan': 'Volunteer',
  'role.operator': 'Regency/city operator',
  'role.koordinator': 'Bakorwil coordinator',
  'role.provinsi': 'Provincial Social Affairs Office',
  'role.mitra': 'Partner agency',
  'role.admin': 'Administrator',

  'nav.lapor': 'Report',
  'nav.tugas': 'My tasks',
  'nav.kotakKeluar': 'Outbox',
  'nav.kotakMasuk': 'Inbox',
  'nav.kasus': 'Cases',
  'nav.pilar': 'Social pillars',
  'nav.dasbor': 'Dashboard',
  'nav.evaluasi': 'Evaluation',
  'nav.peringatanDini': 'Early warning',
  'nav.disposisi': 'Referrals',
  'nav.pengguna': 'Users',
  'nav.wilayah': 'Regions & Bakorwil',
  'nav.pengaturan': 'Settings',
  'nav.akun': 'Change password',

  'purpose.lapor':
    'Send a report of a potential or actual social conflict from the field: what happened, in which village, when, and who is affected. Vulnerable groups — children, older people, people with disabilities, pregnant women — are recorded first so they are helped first.',
  'purpose.tugas':
    'Tasks your regency/city operator gave you: checking a report on the ground, accompanying affected residents, or reporting how things develop.',
  'purpose.kotakKeluar':
    'Reports you have written that have not reached the server yet, for example because there was no signal. They stay safely on this phone until they are sent.',
  'purpose.kotakMasuk':
    'New reports from volunteers and social pillars in your regency/city that nobody has checked yet. Reports that mention vulnerable groups come first.',
  'purpose.kasus':
    'Social conflict cases in your area with their phase — prevention, cessation, recovery or closed — and who is handling them.',
  'purpose.pilar':
    'The social pillars of your regency/city — TKSK, Tagana, PSM, social workers and other volunteers — with the districts they cover and how to reach them.',
  'purpose.dasbor':
    'A summary of your area: reports and cases per phase, cases past their due date, and where they are.',
  'purpose.evaluasi':
    'How well cases were handled — response time, the right phase at the right time, and the recovery of affected residents — to learn and improve.',
  'purpose.peringatanDini':
    'Early-warning levels for social conflict per area — Waspada, Siaga or Awas — set from field reports and passed on to the agencies concerned.',
  'purpose.disposisi':
    'Requests for action from the Social Affairs Office addressed to your agency, with a case summary and a response due date.',
  'purpose.pengguna':
    'Every Sigap account — volunteers, operators, coordinators, provincial staff, partners and administrators — with their role and area.',
  'purpose.wilayah':
    'The regions of East Java by their Kemendagri codes (regency/city, district, village) and which regencies/cities belong to each Bakorwil.',
  'purpose.pengaturan':
    'Settings for all of Sigap, such as the due dates for each phase and the base map source.',

  'steps.relawan.lapor':
    'Choose the village where it happened.\nWrite briefly what happened and about how many people are affected, including vulnerable groups.\nPress Send. Without a signal the report waits in the Outbox and is sent by itself once you are connected.',
  'steps.relawan.tugas':
    'Open the task that is due soonest.\nDo it in the field and write down the result.\nMark the task done so your operator knows.',
  'steps.relawan.kotakKeluar':
    'Check whether any report is still waiting.\nWhen the signal returns, reports are sent by themselves; you can also resend them.\nDo not clear the browser data before the outbox is empty.',
  'steps.operator.kotakMasuk':
    'Open the top report and check that it is true; call the reporter if needed.\nMake it a new case, merge it into an existing case, or reject it with a reason.\nAssign the nearest social pillar when someone must check on the ground.',
  'steps.operator.kasus':
    "Update the case's phase and notes after every action.\nRefer the case to a partner (for example Kesbangpol, the police, BPBD) when another agency is needed.\nClose the case once recovery is complete.",
  'steps.operator.pilar':
    'Make sure every district has an active social pillar.\nUpdate contacts and districts when they change.\nAssign field checks from the inbox or from a case.',
  'steps.operator.dasbor':
    'Check the cases past their due date every morning.\nCompare the reports of this week with last week.\nTell your Bakorwil coordinator about any surge in reports.',
  'steps.koordinator.dasbor':
    'Compare the regencies/cities of your Bakorwil.\nFind the areas where reports are rising or cases have been waiting long.\nDiscuss what you find with the operators concerned.',
  'steps.koordinator.kasus':
    'Follow the cases of your Bakorwil, especially those past their due date.\nCall the regency/city operator about cases that are stuck.\nEscalate cases that span several regencies/cities to the province.',
  'steps.koordinator.evaluasi':
    'Choose the period and the regency/city to evaluate.\nReview closed cases and note the lessons.\nSend your recommendations to the regency/city operators.',
  'steps.provinsi.dasbor':
    'See all of East Java by Bakorwil and regency/city.\nWatch the areas at Waspada, Siaga or Awas.\nPrepare coordination meetings from this summary.',
  'steps.provinsi.peringatanDini':
    'Review the areas where reports are rising.\nSet or lift Waspada, Siaga or Awas, with the reason.\nPass the warning on to the operators and partners in that area.',
  'steps.provinsi.evaluasi':
    'Choose the evaluation period.\nCompare case handling across the Bakorwil.\nDownload the evaluation report for the leadership.',
  'steps.mitra.disposisi':
    'Open the newest referral and read its case summary.\nAccept it and name the officer in charge.\nReport the actions taken until the referral is complete.',
  'steps.admin.pengguna':
    'Create accounts for new staff with the right role and area.\nReset the password of users who forgot theirs.\nDeactivate the accounts of staff who have left.',
  'steps.admin.wilayah':
    'Make sure every regency/city belongs to exactly one Bakorwil.\nUpdate the Bakorwil grouping when policy changes.\nCheck region names reported as wrong.',
  'steps.admin.pengaturan':
    'Review the due dates per phase with the Provincial Social Affairs Office.\nSet a base map source if one is available; Sigap also works without one.\nTell users when a setting changes.',

  'account.title': 'Change password',
  'account.intro': 'The new password applies at once. Your sessions on other devices will be signed out.',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.newHint': 'At least {min} characters.',
  'account.submit': 'Save new password',
  'account.saving': 'Saving…',
  'account.saved': 'Your password has been changed.',
  'account.required': 'Enter your current password and a new password.',
  'account.tooShort': 'The new password must have at least {min} characters.',
  'account.wrongCurrent': 'The current password is wrong.',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not exist or is not available for your role.',

  'error.invalid_credentials': 'Wrong username or password.',
  'error.login_locked': 'Too many sign-in attempts. Try again in {minutes} minutes.',
  'error.login_locked_later': 'Too many sign-in attempts. Try again later.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.csrf_failed': 'The security check failed. Reload the page and try again.',
  'error.validation_failed': 'Some fields are missing or invalid. Please check them.',
  'error.not_found': 'Not found.',
  'error.forbidden': 'Your role is not allowed to do this.',
  'error.too_many_requests': 'Too many requests. Wait a moment and try again.',
  'error.unavailable': 'The service is unavailable. Try again in a moment.',
  'error.internal':
    'Something went wrong on the server. Try again; if it keeps happening, contact the administrator.',
  'error.network': 'Cannot reach the server. Check your internet connection and try again.',
};

/** The one table: `MESSAGES[lang][key]`. */
export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { id, en };

/** Values substituted for `{name}` placeholders in a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = MESSAGES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Error codes the web shows a message for; any other code reads as `internal`. */
export const KNOWN_ERROR_CODES = [
  'invalid_credentials',
  'login_locked',
  'unauthenticated',
  'csrf_failed',
  'validation_failed',
  'not_found',
  'forbidden',
  'too_many_requests',
  'unavailable',
  'internal',
  'network',
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/** The message for a server error code (or `network`); `details` fills in e.g. the lock minutes. */
export function errorMessage(lang: Lang, code: string, details?: unknown): string {
  if (code === 'login_locked') {
    const minutes = (details as { retryAfterMinutes?: unknown } | undefined)?.retryAfterMinutes;
    return typeof minutes === 'number'
      ? t(lang, 'error.login_locked', { minutes: formatNumber(minutes, lang) })
      : t(lang, 'error.login_locked_later');
  }
  const known = (KNOWN_ERROR_CODES as readonly string[]).includes(code)
    ? (code as KnownErrorCode)
    : 'internal';
  return t(lang, `error.${known}`);
}

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A moment as East Java reads it: date and 24-hour time in Asia/Jakarta, followed by "WIB". */
export function formatDateTimeWIB(date: Date | string | number, lang: Lang): string {
  let format = dateTimeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: 'Asia/Jakarta',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(lang, format);
  }
  return `${format.format(date instanceof Date ? date : new Date(date))} WIB`;
}

/** A number with the language's grouping and decimal marks (id: 1.234,5; en: 1,234.5). */
export function formatNumber(n: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang]);
    numberFormats.set(lang, format);
  }
  return format.format(n);
}

// Every user-facing string of Sigap, Bahasa Indonesia first and English second.
// Pure: no DOM and no node:* imports, so the server can use the same table.

import type * as exportsTable from './messages/exports.ts';
import type * as historyTable from './messages/history.ts';
import type * as noticesTable from './messages/notices.ts';
import type * as officeTable from './messages/office.ts';
import type * as privacyTable from './messages/privacy.ts';
import type * as retentionTable from './messages/privacy-retention.ts';
import type * as provocationTable from './messages/provocation.ts';
import type * as provocationWorkTable from './messages/provocation-work.ts';
import type * as readerTable from './messages/reader.ts';

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
  'time.field.datePlaceholder': 'hh/bb/tttt',
  'time.field.timePlaceholder': 'jj.mm',
  'time.field.time': 'Jam (WIB, 24 jam)',
  'time.field.invalid': 'Tulis tanggal sebagai hh/bb/tttt dan jam sebagai jj.mm (24 jam).',
  'time.field.tooEarly': 'Paling awal {min}.',
  'time.field.tooLate': 'Paling lambat {max}.',
  'common.retry': 'Coba lagi',

  'lang.switchLabel': 'Bahasa / Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'login.title': 'Masuk ke Sigap',
  'login.intro': 'Gunakan akun yang diberikan oleh Dinas Sosial atau operator kabupaten/kota Anda.',
  'login.username': 'Nama pengguna',
  'login.password': 'Kata sandi',
  'login.totp': 'Kode verifikasi',
  'login.totpHint': 'Kode 6 angka dari aplikasi autentikator, atau salah satu kode pemulihan.',
  'login.submit': 'Masuk',
  'login.submitting': 'Sedang masuk…',
  'login.required': 'Isi nama pengguna dan kata sandi.',
  'login.forgot': 'Lupa kata sandi? Hubungi operator Sigap di kabupaten/kota Anda untuk mengatur ulang.',
  'login.useCode': 'Masuk dengan kode sekali pakai',
  'login.usePassword': 'Masuk dengan kata sandi',
  'loginCode.intro':
    'Masukkan nama pengguna dan kode dari lembar kode atau dari operator Anda, lalu buat kata sandi baru. Kode hanya berlaku sekali, selama 7 hari.',
  'loginCode.code': 'Kode sekali pakai',
  'loginCode.newPassword': 'Kata sandi baru',
  'loginCode.newPasswordHint': 'Minimal {min} karakter dan sulit ditebak; jangan memakai nama Anda.',
  'loginCode.submit': 'Atur kata sandi dan masuk',
  'loginCode.required': 'Isi nama pengguna, kode, dan kata sandi baru.',
  'loginCode.tooShort': 'Kata sandi baru minimal {min} karakter.',
  'loginCode.wrong':
    'Kode salah, sudah dipakai, atau sudah kedaluwarsa. Minta kode baru kepada operator Anda.',
  'loginCode.weak':
    'Kata sandi baru terlalu mudah ditebak. Pakai beberapa kata yang tidak berhubungan dengan nama Anda.',

  'shell.signOut': 'Keluar',
  'shell.menu': 'Menu utama',
  'shell.signedInAs': 'Masuk sebagai',
  'shell.home': 'Kembali ke halaman awal',

  'role.relawan': 'Relawan',
  'role.operator': 'Operator kabupaten/kota',
  'role.koordinator': 'Koordinator Bakorwil',
  'role.provinsi': 'Dinas Sosial Provinsi',
  'role.mitra': 'Mitra',
  'role.ppdp': 'Pejabat pelindung data pribadi',
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
  'nav.cadangan': 'Cadangan data',
  'nav.akun': 'Ganti kata sandi',
  'nav.lokakarya': 'Workshop',
  'nav.praktikBaik': 'Praktik baik',
  'nav.konten': 'Konten provokatif',
  'nav.webhook': 'Webhook',
  'nav.odk': 'Ponsel ODK',
  'nav.belumDitempatkan': 'Belum ditempatkan',
  'nav.privasi': 'Pelindungan data',
  'nav.imporRiwayat': 'Impor riwayat',
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
  'account.totpHeading': 'Verifikasi dua langkah',
  'account.totpOn':
    'Verifikasi dua langkah aktif: saat masuk, Anda memasukkan kode dari aplikasi autentikator.',
  'account.totpRequired':
    'Peran Anda wajib memakai verifikasi dua langkah. Aktifkan sekarang; sebelum itu, halaman lain belum dapat dibuka.',
  'account.totpOptional': 'Lindungi akun Anda dengan kode dari aplikasi autentikator di ponsel.',
  'account.totpStart': 'Aktifkan verifikasi dua langkah',
  'account.totpScan':
    'Pindai kode QR ini dengan aplikasi autentikator (mis. Google Authenticator, Aegis), atau ketik kuncinya:',
  'account.totpQr': 'Kode QR untuk aplikasi autentikator',
  'account.totpCode': 'Kode 6 angka dari aplikasi',
  'account.totpConfirm': 'Konfirmasi',
  'account.totpRecovery':
    'Simpan kode pemulihan ini di tempat aman. Masing-masing berlaku sekali bila ponsel Anda hilang; kode ini hanya tampil sekali.',
  'account.totpDone': 'Saya sudah menyimpannya',
  'account.accessHeading': 'Sesi dan token API',
  'account.accessIntro':
    'Perangkat yang sedang masuk dengan akun ini dan token API untuk sistem lain. Akhiri yang tidak Anda kenali.',
  'account.sessions': 'Sesi masuk',
  'account.tokens': 'Token API',
  'account.device': 'Perangkat',
  'account.address': 'Alamat jaringan',
  'account.lastUsed': 'Terakhir dipakai',
  'account.expires': 'Berakhir',
  'account.label': 'Label',
  'account.thisDevice': 'perangkat ini',
  'account.unknownDevice': 'perangkat tak dikenal',
  'account.neverUsed': 'belum pernah',
  'account.end': 'Akhiri sesi {device}',
  'account.revoke': 'Cabut token {label}',
  'account.noSessions': 'Tidak ada sesi yang berlaku.',
  'account.noTokens': 'Tidak ada token API yang berlaku.',
  'account.ended': 'Sesi diakhiri.',
  'account.revoked': 'Token dicabut.',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat ini tidak ada atau tidak tersedia untuk peran Anda.',

  'error.invalid_credentials': 'Nama pengguna atau kata sandi salah.',
  'error.totp_invalid': 'Kode verifikasi salah atau sudah dipakai.',
  'error.totp_enrollment_required': 'Aktifkan verifikasi dua langkah dulu di halaman akun.',
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
  // ── Field pages: Lapor, Kotak keluar, Tugas saya (keys field.*) ──────────────────────────────────
  'field.page.loadFailed': 'Halaman ini tidak dapat dimuat. Muat ulang Sigap.',

  'field.report.intro':
    'Wajib diisi: jenis laporan, jenis konflik, tempat, waktu, dan apa yang terjadi. Isian lain diisi bila Anda tahu.',
  'field.report.kind': 'Jenis laporan',
  'field.kind.sinyal': 'Sinyal',
  'field.kind.kejadian': 'Kejadian',
  'field.kindHint.sinyal': 'Tanda-tanda ketegangan; belum ada bentrokan',
  'field.kindHint.kejadian': 'Bentrokan atau kekerasan sudah terjadi',
  'field.report.conflictType': 'Jenis konflik',
  'field.report.chooseType': 'Pilih jenis konflik',
  'field.conflictType.antar_perguruan_silat': 'Antar-perguruan silat',
  'field.conflictType.perguruan_silat_vs_warga': 'Perguruan silat dengan warga',
  'field.conflictType.antar_suporter': 'Antar-suporter sepak bola',
  'field.conflictType.pilkades_pemilu': 'Pilkades atau pemilu',
  'field.conflictType.sengketa_lahan_sda': 'Sengketa lahan atau sumber daya alam',
  'field.conflictType.sara_agama': 'SARA atau agama',
  'field.conflictType.antarwarga': 'Antarwarga',
  'field.conflictType.batas_wilayah': 'Batas wilayah',
  'field.conflictType.lainnya': 'Lainnya',
  'field.report.triggers': 'Pemicu (boleh lebih dari satu)',
  'field.trigger.perbedaan_antarperorangan': 'Perselisihan antarperorangan',
  'field.trigger.perbedaan_kebudayaan': 'Perbedaan budaya',
  'field.trigger.perbedaan_kepentingan': 'Perbedaan kepentingan',
  'field.trigger.perubahan_sosial': 'Perubahan sosial',
  'field.trigger.informasi_provokatif': 'Informasi provokatif atau hoaks',
  'field.report.place': 'Tempat kejadian',
  'field.report.when': 'Waktu kejadian (WIB)',
  'field.report.violenceOngoing': 'Kekerasan masih berlangsung',
  'field.report.description': 'Apa yang terjadi?',
  'field.report.descriptionHint':
    'Ceritakan singkat, minimal {min} karakter. Jangan menulis nama anak atau korban.',
  'field.report.readText': 'Isi dari teks pesan',
  'field.report.readTextHint': 'Tempel pesan WhatsApp/SMS di atas, lalu biarkan Sigap menyarankan isian.',
  'field.report.counts': 'Jumlah orang dan rumah (perkiraan)',
  'field.count.involved': 'Terlibat',
  'field.count.injured': 'Luka',
  'field.count.dead': 'Meninggal',
  'field.count.displaced': 'Mengungsi',
  'field.count.housesDamaged': 'Rumah rusak',
  'field.stepper.less': 'Kurangi {label}',
  'field.stepper.more': 'Tambah {label}',
  'field.report.hasVulnerable':
    'Ada kelompok rentan? (anak, lansia, penyandang disabilitas, ibu hamil, warga miskin)',
  'field.vulnerable.caption': 'Jumlah orang per kelompok rentan',
  'field.vulnerable.group': 'Kelompok',
  'field.vulnerable.harmed': 'Terluka',
  'field.vulnerable.displaced': 'Mengungsi',
  'field.vulnerable.atRisk': 'Berisiko',
  'field.vulnerable.cell': '{group}: {column}',
  'field.group.lansia': 'Lansia',
  'field.group.anak': 'Anak',
  'field.group.fakir_miskin': 'Warga miskin',
  'field.group.ibu_hamil': 'Ibu hamil',
  'field.group.disabilitas': 'Penyandang disabilitas',
  'field.report.needs': 'Kebutuhan mendesak',
  'field.need.kesehatan': 'Layanan kesehatan',
  'field.need.evakuasi': 'Evakuasi',
  'field.need.pangan': 'Makanan',
  'field.need.hunian_sementara': 'Hunian sementara',
  'field.need.psikososial': 'Dukungan psikososial',
  'field.need.keamanan': 'Pengamanan',
  'field.need.mediasi': 'Mediasi',
  'field.need.air_bersih': 'Air bersih',
  'field.need.lainnya': 'Lainnya',
  'field.priority.label': 'Prioritas',
  'field.priority.P1': 'sangat mendesak',
  'field.priority.P2': 'mendesak',
  'field.priority.P3': 'perlu perhatian',
  'field.priority.P4': 'dipantau',
  'field.report.fix': 'Laporan belum dapat dikirim. Lengkapi:',
  'field.report.needKind': 'Pilih sinyal atau kejadian.',
  'field.report.needType': 'Pilih jenis konflik.',
  'field.report.needPlace': 'Pilih desa/kelurahan tempat kejadian.',
  'field.report.needWhen': 'Isi waktu kejadian.',
  'field.report.whenFuture': 'Waktu kejadian tidak boleh di masa depan.',
  'field.report.needDescription': 'Ceritakan apa yang terjadi, minimal {min} karakter.',
  'field.report.submit': 'Kirim laporan',
  'field.report.sending': 'Menyimpan dan mengirim…',
  'field.report.sent': 'Laporan terkirim dengan prioritas {priority}. Terima kasih.',
  'field.report.queued':
    'Laporan tersimpan di ponsel ini dan menunggu dikirim. Sigap mengirimnya sendiri saat ada sinyal.',
  'field.report.refused': 'Server menolak laporan ini. Alasannya ada di Kotak keluar.',
  'field.report.unsaved':
    'Laporan tidak dapat disimpan di ponsel ini (penyimpanan peramban diblokir). Coba lagi, atau sampaikan lewat operator.',
  'field.report.another': 'Buat laporan lain',
  'field.report.toOutbox': 'Lihat Kotak keluar',

  'field.place.search': 'Cari desa/kelurahan',
  'field.place.searchHint':
    'Ketik minimal {min} huruf nama desa, kelurahan atau kecamatan, lalu pilih dari daftar.',
  'field.place.searching': 'Mencari…',
  'field.place.found': '{count} tempat ditemukan.',
  'field.place.foundOffline': 'Tanpa sinyal: {count} tempat ditemukan di ponsel ini.',
  'field.place.none': 'Tidak ada tempat dengan nama itu.',
  'field.place.noneOffline':
    'Tanpa sinyal, dan nama itu belum tersimpan di ponsel ini. Coba nama kecamatannya.',
  'field.place.results': 'Hasil pencarian tempat',
  'field.place.chosen': 'Tempat:',
  'field.place.change': 'Ganti tempat',
  'field.place.desa': 'Desa',
  'field.place.kelurahan': 'Kelurahan',
  'field.place.kecamatan': 'Kecamatan',
  'field.place.kecamatanShort': 'Kec.',

  'field.gps.hint': 'Koordinat GPS menambah ketepatan; desa/kelurahan tetap harus dipilih.',
  'field.gps.use': 'Gunakan GPS',
  'field.gps.locating': 'Mencari lokasi…',
  'field.gps.fix': 'Lokasi GPS: {latitude}, {longitude} (akurasi ± {accuracy} m)',
  'field.gps.remove': 'Hapus lokasi GPS',
  'field.gps.denied':
    'Izin lokasi ditolak. Izinkan lokasi untuk Sigap di pengaturan peramban, atau cukup pilih desanya.',
  'field.gps.timeout': 'Lokasi tidak didapat tepat waktu. Coba di tempat terbuka, atau cukup pilih desanya.',
  'field.gps.unavailable': 'Lokasi tidak tersedia di ponsel ini. Cukup pilih desanya.',
  'field.gps.outside': 'Lokasi GPS berada di luar Jawa Timur, jadi tidak disertakan.',

  'field.photo.legend': 'Foto (tidak wajib)',
  'field.photo.hint':
    'Paling banyak {max} foto. Foto diperkecil di ponsel sebelum dikirim dan data lokasinya dibuang. Hindari memotret wajah anak.',
  'field.photo.add': 'Ambil atau pilih foto',
  'field.photo.alt': 'Foto {n}',
  'field.photo.remove': 'Hapus foto {n}',
  'field.photo.preparing': 'Menyiapkan foto…',
  'field.photo.unreadable': 'Berkas itu tidak dapat dibaca sebagai foto.',

  'field.outbox.intro':
    'Semua yang Anda buat di Sigap disimpan dulu di ponsel ini, lalu dikirim. Tanpa sinyal, isinya menunggu di sini dan terkirim sendiri saat tersambung.',
  'field.outbox.syncing': 'Sedang mengirim…',
  'field.outbox.nothingPending': 'Tidak ada yang menunggu dikirim.',
  'field.outbox.pendingCount': '{count} menunggu dikirim.',
  'field.outbox.signInToSend':
    'Sesi Anda berakhir. Masuk kembali untuk mengirim; isi kotak keluar tetap tersimpan.',
  'field.outbox.willRetry': 'Belum terkirim: {reason} Sigap mencoba lagi secara otomatis.',
  'field.outbox.sendNow': 'Kirim sekarang',
  'field.outbox.open': 'Buka Kotak keluar',
  'field.outbox.pending': 'Menunggu dikirim',
  'field.outbox.failed': 'Perlu perhatian',
  'field.outbox.sent': 'Sudah terkirim',
  'field.outbox.status.pending': 'Menunggu dikirim',
  'field.outbox.status.sent': 'Terkirim',
  'field.outbox.status.failed': 'Ditolak',
  'field.outbox.photo': 'Foto laporan',
  'field.outbox.madeAt': 'dibuat {time}',
  'field.outbox.sentAt': 'terkirim {time}',
  'field.outbox.othersItem': 'Dibuat oleh {name}; terkirim setelah {name} masuk lagi di ponsel ini.',
  'field.outbox.clash':
    'Bentrok: server sudah menyimpan data dengan kode yang sama tetapi isinya berbeda, jadi data ini tidak dikirim. Hubungi operator Anda bila isinya masih diperlukan.',
  'field.outbox.remove': 'Hapus dari kotak keluar',

  'field.tasks.none': 'Belum ada tugas untuk Anda.',
  'field.tasks.copy':
    'Tanpa sinyal: daftar ini tersimpan sejak {time}. Tanda tiba, tanda pergi dan tindak lanjut tetap disimpan dan terkirim nanti.',
  'field.tasks.due': 'Tenggat: {time}',
  'field.tasks.log': 'Catatan Anda untuk kasus ini',
  'field.tasks.vulnerable': 'ada kelompok rentan',
  'field.phase.pencegahan': 'Pencegahan',
  'field.phase.penghentian': 'Penghentian',
  'field.phase.pemulihan': 'Pemulihan',
  'field.phase.selesai': 'Selesai',
  'field.followUp.check_in': 'Tiba di lokasi',
  'field.followUp.check_out': 'Tinggalkan lokasi',
  'field.followUp.tindak_lanjut': 'Tindak lanjut',
  'field.followUp.checkInAction': 'Tiba di lokasi',
  'field.followUp.checkOutAction': 'Meninggalkan lokasi',
  'field.followUp.add': 'Tambah tindak lanjut',
  'field.followUp.note': 'Apa yang sudah dilakukan?',
  'field.followUp.noteTooShort': 'Tulis minimal {min} karakter.',
  'field.followUp.send': 'Kirim tindak lanjut',
  // ── end of field pages ──────────────────────────────────────────────────────────────────────────
  'op.page.loadFailed': 'Bagian ini tidak dapat dimuat. Muat ulang Sigap.',

  // ── Case page: recording vulnerable people, referrals; dashboard from the Bakorwil (op.people.*, op.referral.*) ──
  // ── end of case-page people and Bakorwil dashboard keys ──
} as const;

/** The keys of the table every page loads; the English table must have exactly these. */
export type CoreMessageKey = keyof typeof id;

/** The keys of a table loaded later (src/shared/messages/, written side by side: `messages`). */
type KeysOf<Table extends { messages: object }> = keyof Table['messages'];

/** Every message key: the core table's and those of the tables loaded later (src/shared/messages/). */
export type MessageKey =
  | CoreMessageKey
  | KeysOf<typeof officeTable>
  | KeysOf<typeof readerTable>
  | KeysOf<typeof noticesTable>
  | KeysOf<typeof provocationTable>
  | KeysOf<typeof provocationWorkTable>
  | KeysOf<typeof privacyTable>
  | KeysOf<typeof retentionTable>
  | KeysOf<typeof exportsTable>
  | KeysOf<typeof historyTable>;

/**
 * Tables loaded later, by language: the English core table (src/shared/messages/core-en.ts, fetched when
 * someone picks English) and the office pages' messages (src/shared/messages/office.ts). Each registers
 * itself when imported.
 */
const laterTables: Record<Lang, Record<string, string>> = { id: {}, en: {} };

/** Adds a table loaded later. */
export function registerMessages(
  tables: Readonly<Partial<Record<Lang, Readonly<Record<string, string>>>>>,
): void {
  for (const lang of LANGS) Object.assign(laterTables[lang], tables[lang] ?? {});
}

/** Whether the core table of `lang` is loaded (Indonesian always is). */
export function hasCoreMessages(lang: Lang): boolean {
  return lang === 'id' || 'app.name' in laterTables[lang];
}

/** Values substituted for `{name}` placeholders in a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  // Until a table is loaded its text shows in Indonesian, or as the key itself, rather than breaking the page.
  const text =
    (lang === 'id' ? (id as Record<string, string>)[key] : laterTables.en[key]) ??
    laterTables.id[key] ??
    (id as Record<string, string>)[key] ??
    key;
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
  'totp_invalid',
  'totp_enrollment_required',
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

/** A coordinate with its 5 decimals, in the language's decimal mark: -8,16123 (id) or -8.16123 (en). */
export function formatCoordinate(value: number, lang: Lang): string {
  const text = value.toFixed(5);
  return lang === 'id' ? text.replace('.', ',') : text;
}

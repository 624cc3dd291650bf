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
    'Tanpa sinyal: daftar ini tersimpan sejak {time}. Check in dan tindak lanjut tetap disimpan dan terkirim nanti.',
  'field.tasks.due': 'Tenggat: {time}',
  'field.tasks.log': 'Catatan Anda untuk kasus ini',
  'field.tasks.vulnerable': 'ada kelompok rentan',
  'field.phase.pencegahan': 'Pencegahan',
  'field.phase.penghentian': 'Penghentian',
  'field.phase.pemulihan': 'Pemulihan',
  'field.phase.selesai': 'Selesai',
  'field.followUp.check_in': 'Check in',
  'field.followUp.check_out': 'Check out',
  'field.followUp.tindak_lanjut': 'Tindak lanjut',
  'field.followUp.checkInAction': 'Tiba di lokasi (check in)',
  'field.followUp.checkOutAction': 'Meninggalkan lokasi (check out)',
  'field.followUp.add': 'Tambah tindak lanjut',
  'field.followUp.note': 'Apa yang sudah dilakukan?',
  'field.followUp.noteTooShort': 'Tulis minimal 3 karakter.',
  'field.followUp.send': 'Kirim tindak lanjut',
  // ── end of field pages ──────────────────────────────────────────────────────────────────────────
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

  // ── Field pages: Lapor, Kotak keluar, Tugas saya (keys field.*) ──────────────────────────────────
  'field.page.loadFailed': 'This page could not be loaded. Reload Sigap.',

  'field.report.intro':
    'Required: the kind of report, the kind of conflict, the place, the time and what happened. Fill in the rest if you know it.',
  'field.report.kind': 'Kind of report',
  'field.kind.sinyal': 'Signal (sinyal)',
  'field.kind.kejadian': 'Incident (kejadian)',
  'field.kindHint.sinyal': 'Signs of tension; no clash yet',
  'field.kindHint.kejadian': 'A clash or violence has happened',
  'field.report.conflictType': 'Kind of conflict',
  'field.report.chooseType': 'Choose the kind of conflict',
  'field.conflictType.antar_perguruan_silat': 'Between martial-arts schools (perguruan silat)',
  'field.conflictType.perguruan_silat_vs_warga': 'Martial-arts school against residents',
  'field.conflictType.antar_suporter': 'Between football supporters',
  'field.conflictType.pilkades_pemilu': 'Village head or general election',
  'field.conflictType.sengketa_lahan_sda': 'Land or natural-resource dispute',
  'field.conflictType.sara_agama': 'Ethnic, religious or group tension (SARA)',
  'field.conflictType.antarwarga': 'Between residents',
  'field.conflictType.batas_wilayah': 'Boundary dispute',
  'field.conflictType.lainnya': 'Other',
  'field.report.triggers': 'Triggers (any that apply)',
  'field.trigger.perbedaan_antarperorangan': 'Personal disputes',
  'field.trigger.perbedaan_kebudayaan': 'Cultural differences',
  'field.trigger.perbedaan_kepentingan': 'Clashing interests',
  'field.trigger.perubahan_sosial': 'Social change',
  'field.trigger.informasi_provokatif': 'Provocative information or hoaxes',
  'field.report.place': 'Where it happened',
  'field.report.when': 'When it happened (WIB)',
  'field.report.violenceOngoing': 'Violence is still going on',
  'field.report.description': 'What happened?',
  'field.report.descriptionHint':
    'Tell it briefly, at least {min} characters. Do not write the names of children or victims.',
  'field.report.counts': 'Number of people and houses (estimates)',
  'field.count.involved': 'Involved',
  'field.count.injured': 'Injured',
  'field.count.dead': 'Dead',
  'field.count.displaced': 'Displaced',
  'field.count.housesDamaged': 'Houses damaged',
  'field.stepper.less': 'Fewer: {label}',
  'field.stepper.more': 'More: {label}',
  'field.report.hasVulnerable':
    'Vulnerable people affected? (children, older people, people with disabilities, pregnant women, poor residents)',
  'field.vulnerable.caption': 'People per vulnerable group',
  'field.vulnerable.group': 'Group',
  'field.vulnerable.harmed': 'Hurt',
  'field.vulnerable.displaced': 'Displaced',
  'field.vulnerable.atRisk': 'At risk',
  'field.vulnerable.cell': '{group}: {column}',
  'field.group.lansia': 'Older people',
  'field.group.anak': 'Children',
  'field.group.fakir_miskin': 'Poor residents',
  'field.group.ibu_hamil': 'Pregnant women',
  'field.group.disabilitas': 'People with disabilities',
  'field.report.needs': 'Urgent needs',
  'field.need.kesehatan': 'Health care',
  'field.need.evakuasi': 'Evacuation',
  'field.need.pangan': 'Food',
  'field.need.hunian_sementara': 'Temporary shelter',
  'field.need.psikososial': 'Psychosocial support',
  'field.need.keamanan': 'Security',
  'field.need.mediasi': 'Mediation',
  'field.need.air_bersih': 'Clean water',
  'field.need.lainnya': 'Other',
  'field.priority.label': 'Priority',
  'field.priority.P1': 'most urgent',
  'field.priority.P2': 'urgent',
  'field.priority.P3': 'needs attention',
  'field.priority.P4': 'to watch',
  'field.report.fix': 'The report cannot be sent yet. Please complete:',
  'field.report.needKind': 'Choose signal or incident.',
  'field.report.needType': 'Choose the kind of conflict.',
  'field.report.needPlace': 'Choose the village where it happened.',
  'field.report.needWhen': 'Enter when it happened.',
  'field.report.whenFuture': 'The time cannot be in the future.',
  'field.report.needDescription': 'Tell what happened, at least {min} characters.',
  'field.report.submit': 'Send report',
  'field.report.sending': 'Saving and sending…',
  'field.report.sent': 'Report sent with priority {priority}. Thank you.',
  'field.report.queued':
    'The report is saved on this phone and waiting to be sent. Sigap sends it by itself when there is a signal.',
  'field.report.refused': 'The server refused this report. The reason is in the Outbox.',
  'field.report.unsaved':
    'The report could not be saved on this phone (browser storage is blocked). Try again, or pass it on through your operator.',
  'field.report.another': 'Write another report',
  'field.report.toOutbox': 'Open the Outbox',

  'field.place.search': 'Search for the village',
  'field.place.searchHint':
    'Type at least {min} letters of the village or district name, then choose from the list.',
  'field.place.searching': 'Searching…',
  'field.place.found': '{count} places found.',
  'field.place.foundOffline': 'No signal: {count} places found on this phone.',
  'field.place.none': 'No place has that name.',
  'field.place.noneOffline':
    'No signal, and that name is not saved on this phone yet. Try the district name.',
  'field.place.results': 'Places found',
  'field.place.chosen': 'Place:',
  'field.place.change': 'Change place',
  'field.place.desa': 'Village',
  'field.place.kelurahan': 'Urban village',
  'field.place.kecamatan': 'District',
  'field.place.kecamatanShort': 'Dist.',

  'field.gps.hint': 'GPS coordinates make the place more precise; the village must still be chosen.',
  'field.gps.use': 'Use GPS',
  'field.gps.locating': 'Finding location…',
  'field.gps.fix': 'GPS location: {latitude}, {longitude} (accuracy ± {accuracy} m)',
  'field.gps.remove': 'Remove GPS location',
  'field.gps.denied':
    'Location permission was refused. Allow location for Sigap in the browser settings, or just choose the village.',
  'field.gps.timeout': 'No location in time. Try in the open, or just choose the village.',
  'field.gps.unavailable': 'Location is not available on this phone. Just choose the village.',
  'field.gps.outside': 'The GPS location is outside East Java, so it is not included.',

  'field.photo.legend': 'Photos (optional)',
  'field.photo.hint':
    'Up to {max} photos. Photos are made smaller on the phone before sending, and their location data is removed. Avoid photographing children’s faces.',
  'field.photo.add': 'Take or choose a photo',
  'field.photo.alt': 'Photo {n}',
  'field.photo.remove': 'Remove photo {n}',
  'field.photo.preparing': 'Preparing the photo…',
  'field.photo.unreadable': 'That file cannot be read as a photo.',

  'field.outbox.intro':
    'Everything you make in Sigap is first saved on this phone, then sent. Without a signal it waits here and is sent by itself once you are connected.',
  'field.outbox.syncing': 'Sending…',
  'field.outbox.nothingPending': 'Nothing is waiting to be sent.',
  'field.outbox.pendingCount': '{count} waiting to be sent.',
  'field.outbox.signInToSend': 'Your session has ended. Sign in again to send; the outbox keeps everything.',
  'field.outbox.willRetry': 'Not sent yet: {reason} Sigap tries again by itself.',
  'field.outbox.sendNow': 'Send now',
  'field.outbox.open': 'Open the Outbox',
  'field.outbox.pending': 'Waiting to be sent',
  'field.outbox.failed': 'Needs your attention',
  'field.outbox.sent': 'Sent',
  'field.outbox.status.pending': 'Waiting to be sent',
  'field.outbox.status.sent': 'Sent',
  'field.outbox.status.failed': 'Refused',
  'field.outbox.photo': 'Report photo',
  'field.outbox.madeAt': 'made {time}',
  'field.outbox.sentAt': 'sent {time}',
  'field.outbox.othersItem': 'Made by {name}; sent once {name} signs in on this phone again.',
  'field.outbox.clash':
    'Clash: the server already holds data with the same code but different content, so this was not sent. Contact your operator if it is still needed.',
  'field.outbox.remove': 'Remove from the outbox',

  'field.tasks.none': 'You have no tasks yet.',
  'field.tasks.copy':
    'No signal: this list was saved at {time}. Check-ins and follow-ups are still saved and sent later.',
  'field.tasks.due': 'Due: {time}',
  'field.tasks.log': 'Your notes on this case',
  'field.tasks.vulnerable': 'vulnerable people affected',
  'field.phase.pencegahan': 'Prevention (pencegahan)',
  'field.phase.penghentian': 'Cessation (penghentian)',
  'field.phase.pemulihan': 'Recovery (pemulihan)',
  'field.phase.selesai': 'Closed',
  'field.followUp.check_in': 'Check in',
  'field.followUp.check_out': 'Check out',
  'field.followUp.tindak_lanjut': 'Follow-up',
  'field.followUp.checkInAction': 'Arrived at the location (check in)',
  'field.followUp.checkOutAction': 'Left the location (check out)',
  'field.followUp.add': 'Add a follow-up',
  'field.followUp.note': 'What was done?',
  'field.followUp.noteTooShort': 'Write at least 3 characters.',
  'field.followUp.send': 'Send follow-up',
  // ── end of field pages ──────────────────────────────────────────────────────────────────────────
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

import { DEFAULT_DEMO_PASSWORD, MAX_SCALE, MIN_SCALE } from '../server/demo/demo-data.ts';
import { Role } from '../shared/users.ts';

/** The commands the CLI knows, written as typed: group and subcommand. */
export type CommandName =
  | 'user create'
  | 'user reset-password'
  | 'token create'
  | 'odk token create'
  | 'odk token revoke'
  | 'odk token list'
  | 'user deactivate'
  | 'user reactivate'
  | 'token list'
  | 'token revoke'
  | 'audit verify'
  | 'audit head'
  | 'early-warning backtest'
  | 'privacy retention-plan'
  | 'privacy retention-run'
  | 'migrate'
  | 'read-text'
  | 'demo'
  | 'backup'
  | 'restore'
  | 'tls create';

/** A flag of a command; every flag takes a value. `value` is its placeholder in Indonesian and English. */
export type FlagSpec = {
  name: string;
  value: { id: string; en: string };
  isRequired: boolean;
  /** May be given more than once (`--host a --host b`); the values are kept in order. */
  isRepeatable?: boolean;
  id: string;
  en: string;
};

/** `title` names the command in lists; `id` and `en` explain it in its own help. */
export type CommandSpec = {
  title: { id: string; en: string };
  id: string;
  en: string;
  flags: readonly FlagSpec[];
};

/** The --username flag of the commands that act on one account. */
const USERNAME_FLAG: FlagSpec = {
  name: 'username',
  value: { id: 'NAMA', en: 'NAME' },
  isRequired: true,
  id: 'nama pengguna',
  en: 'user name',
};

/** The --username flag of the commands on one user's API tokens. */
const TOKEN_OWNER_FLAG: FlagSpec = { ...USERNAME_FLAG, id: 'pemilik token', en: 'token owner' };

const ROLES = Role.options.join(', ');

const PASSPHRASE_FLAG: FlagSpec = {
  name: 'passphrase-file',
  value: { id: 'BERKAS', en: 'FILE' },
  isRequired: false,
  id: 'berkas berisi frasa sandi (baris pertama, min. 12 karakter); atau SIGAP_BACKUP_PASSPHRASE',
  en: 'file holding the passphrase (first line, at least 12 characters); or SIGAP_BACKUP_PASSPHRASE',
};

/** Every command with its flags and what it does: the parser and the help both read this table. */
export const COMMAND_SPECS: Record<CommandName, CommandSpec> = {
  'user create': {
    title: { id: 'Membuat pengguna', en: 'Create a user' },
    id: 'Membuat pengguna. Tanpa --password, kata sandi dibuat acak dan ditampilkan sekali.',
    en: 'Creates a user. Without --password, a random password is generated and shown once.',
    flags: [
      {
        ...USERNAME_FLAG,
        id: 'nama pengguna: huruf, angka, titik, garis bawah, tanda hubung',
        en: 'user name: letters, digits, dot, underscore, hyphen',
      },
      {
        name: 'role',
        value: { id: 'PERAN', en: 'ROLE' },
        isRequired: true,
        id: `peran: ${ROLES}`,
        en: `role: ${ROLES}`,
      },
      {
        name: 'region',
        value: { id: 'KODE', en: 'CODE' },
        isRequired: true,
        id: 'wilayah tugas: kode Kemendagri (35, 35.09, …) atau Bakorwil (I–V)',
        en: 'region served: a Kemendagri code (35, 35.09, …) or a Bakorwil (I–V)',
      },
      {
        name: 'password',
        value: { id: 'SANDI', en: 'PASSWORD' },
        isRequired: false,
        id: 'kata sandi, minimal 10 karakter (tercatat di riwayat shell)',
        en: 'password, at least 10 characters (it stays in the shell history)',
      },
      {
        name: 'name',
        value: { id: 'NAMA', en: 'NAME' },
        isRequired: false,
        id: 'nama tampilan, bawaan: nama pengguna',
        en: 'display name, by default the user name',
      },
      {
        name: 'agency',
        value: { id: 'ID', en: 'ID' },
        isRequired: false,
        id: 'lembaga mitra; wajib untuk peran mitra',
        en: 'partner agency; required for the mitra role',
      },
    ],
  },
  'user reset-password': {
    title: { id: 'Mengatur ulang kata sandi', en: 'Reset a password' },
    id: 'Mengatur ulang kata sandi pengguna dan mengakhiri semua sesi dan token API-nya. Tanpa --password, kata sandi dibuat acak.',
    en: "Resets a user's password and ends all their sessions and API tokens. Without --password, a random one is generated.",
    flags: [
      USERNAME_FLAG,
      {
        name: 'password',
        value: { id: 'SANDI', en: 'PASSWORD' },
        isRequired: false,
        id: 'kata sandi baru, minimal 10 karakter',
        en: 'new password, at least 10 characters',
      },
    ],
  },
  'token create': {
    title: { id: 'Membuat token API', en: 'Create an API token' },
    id: 'Membuat token API untuk pengguna. Token dicetak sendirian di baris terakhir, sekali saja.',
    en: 'Creates an API token for a user. The token is printed alone on the last line, once.',
    flags: [
      { ...USERNAME_FLAG, id: 'pemilik token', en: 'who the token acts as' },
      {
        name: 'label',
        value: { id: 'LABEL', en: 'LABEL' },
        isRequired: false,
        id: 'keterangan token, mis. nama sistem yang memakainya',
        en: 'what the token is for, e.g. the system that uses it',
      },
      {
        name: 'days',
        value: { id: 'HARI', en: 'DAYS' },
        isRequired: false,
        id: 'masa berlaku dalam hari, 1–365; bawaan 90',
        en: 'days the token works, 1–365; 90 by default',
      },
    ],
  },
  'user deactivate': {
    title: { id: 'Menonaktifkan pengguna', en: 'Deactivate a user' },
    id: 'Menonaktifkan pengguna: sesi, token API dan aliran langsungnya berakhir seketika, masuk ditolak; riwayatnya tetap.',
    en: 'Deactivates a user: their sessions, API tokens and live streams end at once, sign-in is refused; their history stays.',
    flags: [USERNAME_FLAG],
  },
  'user reactivate': {
    title: { id: 'Mengaktifkan kembali pengguna', en: 'Reactivate a user' },
    id: 'Mengaktifkan kembali pengguna yang dinonaktifkan; token lamanya tetap dicabut.',
    en: 'Reactivates a deactivated user; their old tokens stay revoked.',
    flags: [USERNAME_FLAG],
  },
  'token list': {
    title: { id: 'Daftar token API pengguna', en: "List a user's API tokens" },
    id: 'Mencetak token API pengguna yang masih berlaku: id, label, dibuat, terakhir dipakai, berakhir (WIB).',
    en: "Prints a user's live API tokens: id, label, created, last used, expiry (WIB).",
    flags: [TOKEN_OWNER_FLAG],
  },
  'token revoke': {
    title: { id: 'Mencabut token API', en: 'Revoke an API token' },
    id: 'Mencabut satu token API pengguna; berhenti bekerja seketika.',
    en: "Revokes one of a user's API tokens; it stops working at once.",
    flags: [
      TOKEN_OWNER_FLAG,
      {
        name: 'id',
        value: { id: 'ID', en: 'ID' },
        isRequired: true,
        id: 'id token (dari token list)',
        en: 'token id (from token list)',
      },
    ],
  },
  'odk token create': {
    title: { id: 'Membuat token ponsel ODK Collect', en: 'Create an ODK Collect device token' },
    id:
      'Membuat token untuk satu ponsel ODK Collect/KoBoCollect yang mengirim laporan atas nama pengguna. ' +
      'Alamat servernya https://<alamat-sigap>/odk/key/<token>. Token dicetak sendirian di baris terakhir, sekali saja.',
    en:
      'Creates a token for one ODK Collect/KoBoCollect phone that sends reports as the user. ' +
      'Its server URL is https://<sigap-address>/odk/key/<token>. The token is printed alone on the last line, once.',
    flags: [
      { ...USERNAME_FLAG, id: 'pengguna yang diwakili ponsel', en: 'the user the phone reports as' },
      {
        name: 'label',
        value: { id: 'LABEL', en: 'LABEL' },
        isRequired: false,
        id: 'keterangan ponsel, mis. "HP Tagana Sumbersari"',
        en: 'what the phone is, e.g. "Tagana phone, Sumbersari"',
      },
    ],
  },
  'odk token revoke': {
    title: { id: 'Mencabut token ponsel ODK', en: 'Revoke an ODK device token' },
    id: 'Mencabut token ponsel; ponsel itu ditolak mulai permintaan berikutnya.',
    en: 'Revokes a device token; the phone is refused from its next request on.',
    flags: [
      {
        name: 'id',
        value: { id: 'ID', en: 'ID' },
        isRequired: true,
        id: 'id token, seperti ditampilkan odk token list',
        en: 'the token id, as odk token list shows it',
      },
    ],
  },
  'odk token list': {
    title: { id: 'Daftar token ponsel ODK', en: 'List ODK device tokens' },
    id: 'Menampilkan token ponsel (tanpa tokennya sendiri): pemilik, status, dibuat, terakhir dipakai.',
    en: 'Lists device tokens (never the token itself): owner, state, created, last used.',
    flags: [
      {
        name: 'username',
        value: { id: 'NAMA', en: 'NAME' },
        isRequired: false,
        id: 'hanya token pengguna ini',
        en: "only this user's tokens",
      },
    ],
  },
  'audit verify': {
    title: { id: 'Memeriksa rantai jejak audit', en: 'Verify the audit chain' },
    id: 'Memeriksa seluruh rantai hash jejak audit. Keluar 1 dan menyebut entri pertama yang rusak bila ada.',
    en: 'Checks the whole hash chain of the audit trail. Exits 1 naming the first broken entry, if any.',
    flags: [
      {
        name: 'head',
        value: { id: 'HEAD', en: 'HEAD' },
        isRequired: false,
        id: 'head yang disimpan di luar basis data (baris sigap-audit-head:… atau <seq>:<hash>): entri terakhir yang dihapus ikut ketahuan',
        en: 'a head kept outside the database (a sigap-audit-head:… line or <seq>:<hash>): deleted last entries are caught too',
      },
    ],
  },
  'audit head': {
    title: { id: 'Menampilkan entri audit terakhir', en: 'Show the latest audit entry' },
    id: 'Menampilkan nomor dan hash entri audit terakhir, untuk disimpan di luar basis data.',
    en: 'Prints the number and hash of the latest audit entry, to keep outside the database.',
    flags: [],
  },
  'privacy retention-plan': {
    title: { id: 'Rencana retensi data pribadi (uji coba)', en: 'Personal data retention plan (dry run)' },
    id:
      'Mencetak per tabel jumlah dan id catatan yang data pribadinya sudah lewat masa simpan dan akan dianonimkan, ' +
      'tanpa mengubah apa pun dan tanpa menampilkan isinya (docs/PRIVACY.md).',
    en:
      'Prints, per table, how many records and which ids have personal data past its retention and would be ' +
      'anonymised, changing nothing and showing no values (docs/PRIVACY.md).',
    flags: [],
  },
  'privacy retention-run': {
    title: { id: 'Menjalankan retensi data pribadi sekarang', en: 'Run the personal data retention now' },
    id:
      'Menganonimkan sekarang data pribadi yang sudah lewat masa simpan (seperti tugas malam hari), mencatat satu ' +
      'entri audit, dan mencetak jumlah per tabel.',
    en:
      'Anonymises now the personal data past its retention (as the nightly job does), writes one audit entry and ' +
      'prints the counts per table.',
    flags: [],
  },
  'early-warning backtest': {
    title: { id: 'Menguji balik model peringatan dini', en: 'Backtest the early-warning model' },
    id:
      'Menjalankan model tingkat kerawanan hari demi hari atas laporan yang ada (data impor atau demo) dan mencetak, ' +
      'per level, seberapa sering kejadian menyusul dalam 14 hari, serta kejadian yang tidak didahului kenaikan level.',
    en:
      'Runs the level model day by day over the reports held (imported or demo data) and prints, per level, how ' +
      'often an incident followed within 14 days, and the incidents that came with no prior rise.',
    flags: [
      {
        name: 'from',
        value: { id: 'TANGGAL', en: 'DATE' },
        isRequired: false,
        id: 'hari pertama (YYYY-MM-DD, WIB); bawaan: setahun sebelum --to',
        en: 'first day (YYYY-MM-DD, WIB); default: a year before --to',
      },
      {
        name: 'to',
        value: { id: 'TANGGAL', en: 'DATE' },
        isRequired: false,
        id: 'hari terakhir; bawaan: 14 hari sebelum laporan terakhir',
        en: 'last day; default: 14 days before the latest report',
      },
    ],
  },
  migrate: {
    title: { id: 'Menyiapkan atau memperbarui basis data', en: 'Prepare or update the database' },
    id: 'Menyiapkan basis data: peran, migrasi yang belum diterapkan, dan data wilayah Jawa Timur bila belum ada.',
    en: 'Prepares the database: roles, pending migrations, and the Jawa Timur regions when missing.',
    flags: [],
  },
  'read-text': {
    title: {
      id: 'Membaca pesan lapangan menjadi draf laporan',
      en: 'Read field messages into draft reports',
    },
    id:
      'Membaca berkas JSONL berisi pesan ({"id", "text", "homeRegion"?} per baris) dan menulis satu baris JSON per baris ' +
      'masukan, berurutan: jenis, tipe konflik, wilayah, kelompok rentan, jumlah korban, urgensi dan kata penentunya. ' +
      'Tidak memerlukan basis data maupun server. Baris tanpa "text" mendapat isian "error"; pembacaan berlanjut.',
    en:
      'Reads a JSONL file of messages ({"id", "text", "homeRegion"?} per line) and writes one JSON line per input ' +
      'line, in order: kind, conflict type, place, vulnerable groups, counts, urgency and the deciding words. Needs ' +
      'no database and no server. A line without "text" gets an "error" field; the run goes on.',
    flags: [
      {
        name: 'input',
        value: { id: 'BERKAS', en: 'FILE' },
        isRequired: true,
        id: 'berkas JSONL masukan',
        en: 'input JSONL file',
      },
      {
        name: 'output',
        value: { id: 'BERKAS', en: 'FILE' },
        isRequired: false,
        id: 'berkas JSONL keluaran; bawaan: keluaran standar',
        en: 'output JSONL file; default: standard output',
      },
    ],
  },
  demo: {
    title: { id: 'Mengisi basis data kosong dengan data demo', en: 'Fill an empty database with demo data' },
    id:
      'Mengisi basis data KOSONG dengan data sintetis Bakorwil V (7 kab/kota): pengguna semua peran, lembaga mitra, ' +
      'pilar, laporan dan kasus 12 bulan terakhir (1 Suro, pilkades, Lebaran, sepak bola, sengketa lahan, carok). ' +
      'Ditolak bila sudah ada laporan. Semua pengguna demo memakai satu kata sandi yang dicetak di akhir.',
    en:
      'Fills an EMPTY database with synthetic data of Bakorwil V (7 kab/kota): users of every role, partner agencies, ' +
      'pillars, reports and cases of the past 12 months (1 Suro, pilkades, Lebaran, football, land disputes, carok). ' +
      'Refused when reports exist. Every demo user has one password, printed at the end.',
    flags: [
      {
        name: 'scale',
        value: { id: 'N', en: 'N' },
        isRequired: false,
        id: `pengali volume, ${MIN_SCALE}–${MAX_SCALE}; 1 ≈ 600 laporan (bawaan 1)`,
        en: `volume multiplier, ${MIN_SCALE}–${MAX_SCALE}; 1 ≈ 600 reports (default 1)`,
      },
      {
        name: 'seed',
        value: { id: 'TEKS', en: 'TEXT' },
        isRequired: false,
        id: 'benih acak: seed yang sama memberi data yang sama, relatif terhadap hari ini (bawaan acak, dicetak)',
        en: 'random seed: the same seed gives the same data, relative to today (default random, printed)',
      },
      {
        name: 'password',
        value: { id: 'SANDI', en: 'PASSWORD' },
        isRequired: false,
        id: `kata sandi semua pengguna demo, huruf dan angka/tanda baca, min. 10 (bawaan ${DEFAULT_DEMO_PASSWORD})`,
        en: `password of every demo user, letters with digits/symbols, min. 10 (default ${DEFAULT_DEMO_PASSWORD})`,
      },
    ],
  },
  backup: {
    title: { id: 'Membuat cadangan terenkripsi', en: 'Make an encrypted backup' },
    id:
      'Menyalin seluruh basis data (satu snapshot yang konsisten) ke satu berkas terenkripsi AES-256-GCM, dikunci ' +
      'dengan kunci data (SIGAP_DATA_KEY atau berkas data-key di DATA_DIR) atau frasa sandi, dengan manifes: versi ' +
      'skema, jumlah baris per tabel, head audit. Bila server sedang memegang folder PGlite, server itu yang membuatnya.',
    en:
      'Copies the whole database (one consistent snapshot) into one AES-256-GCM encrypted file, sealed with the data ' +
      'key (SIGAP_DATA_KEY or the data-key file in DATA_DIR) or a passphrase, with a manifest: schema version, rows ' +
      'per table, audit head. When a server holds the PGlite folder, that server makes it.',
    flags: [
      {
        name: 'output',
        value: { id: 'BERKAS', en: 'FILE' },
        isRequired: true,
        id: 'berkas cadangan yang ditulis',
        en: 'backup file to write',
      },
      PASSPHRASE_FLAG,
    ],
  },

  restore: {
    title: { id: 'Memulihkan cadangan ke basis data kosong', en: 'Restore a backup into an empty database' },
    id:
      'Memulihkan cadangan ke basis data KOSONG (folder baru, atau PostgreSQL tanpa pengguna dan laporan) — juga cara ' +
      'pindah dari PGlite ke PostgreSQL. Perlu kunci data sumber sebagai SIGAP_DATA_KEY. Berkas yang diubah, kunci ' +
      'salah, atau tujuan yang berisi data ditolak; diakhiri pemeriksaan jumlah baris dan rantai audit.',
    en:
      'Restores a backup into an EMPTY database (a new folder, or PostgreSQL with no users and no reports) — also the ' +
      "way from PGlite to PostgreSQL. Needs the source's data key as SIGAP_DATA_KEY. A changed file, a wrong key, or " +
      'a target holding data is refused; ends by checking row counts and the audit chain.',
    flags: [
      {
        name: 'input',
        value: { id: 'BERKAS', en: 'FILE' },
        isRequired: true,
        id: 'berkas cadangan yang dibaca',
        en: 'backup file to read',
      },
      PASSPHRASE_FLAG,
    ],
  },
  'tls create': {
    title: { id: 'Membuat sertifikat HTTPS kantor', en: 'Make the office HTTPS certificate' },
    id:
      'Membuat otoritas sertifikat lokal (dipakai lagi bila sudah ada di folder itu) dan sertifikat server untuk ' +
      'alamat-alamat yang dipakai ponsel dan PC, lalu menampilkan cara memasang otoritasnya di Android dan Windows ' +
      'serta variabel TLS_CERT_FILE/TLS_KEY_FILE. Tidak membuka basis data.',
    en:
      'Makes a local certificate authority (reused when the folder already holds one) and a server certificate ' +
      'for the addresses phones and PCs use, then shows how to install the authority on Android and Windows and ' +
      'the TLS_CERT_FILE/TLS_KEY_FILE variables. Does not open the database.',
    flags: [
      {
        name: 'host',
        value: { id: 'ALAMAT', en: 'ADDRESS' },
        isRequired: true,
        isRepeatable: true,
        id: 'alamat IP (192.168.1.10) atau nama (sigap.local); ulangi untuk tiap alamat',
        en: 'IP address (192.168.1.10) or name (sigap.local); repeat for each address',
      },
      {
        name: 'out',
        value: { id: 'FOLDER', en: 'FOLDER' },
        isRequired: false,
        id: 'folder tujuan berkas, bawaan ./tls',
        en: 'folder for the files, default ./tls',
      },
    ],
  },
};

/** The groups that take a subcommand, and the subcommands each allows. */
export const COMMAND_GROUPS: Record<string, readonly string[]> = {
  user: ['create', 'reset-password', 'deactivate', 'reactivate'],
  token: ['create', 'list', 'revoke'],
  odk: ['token create', 'token revoke', 'token list'],
  audit: ['verify', 'head'],
  'early-warning': ['backtest'],
  privacy: ['retention-plan', 'retention-run'],
  tls: ['create'],
};

const PREFIX = 'npm run sigap --';

function usageLine(name: CommandName, lang: 'id' | 'en'): string {
  const flags = COMMAND_SPECS[name].flags.map((flag) => {
    const text = `--${flag.name} ${flag.value[lang]}${flag.isRepeatable ? ' …' : ''}`;
    return flag.isRequired ? text : `[${text}]`;
  });
  return [PREFIX, name, ...flags].join(' ');
}

function flagLines(name: CommandName, lang: 'id' | 'en'): string[] {
  const flags = COMMAND_SPECS[name].flags;
  const width = Math.max(...flags.map((flag) => `--${flag.name} ${flag.value[lang]}`.length));
  return flags.map((flag) => `  ${`--${flag.name} ${flag.value[lang]}`.padEnd(width)}  ${flag[lang]}`);
}

function section(name: CommandName, lang: 'id' | 'en'): string[] {
  const spec = COMMAND_SPECS[name];
  const lines = [`${lang === 'id' ? 'Pemakaian' : 'Usage'}: ${usageLine(name, lang)}`, '', spec[lang]];
  if (spec.flags.length > 0) lines.push('', lang === 'id' ? 'Opsi:' : 'Options:', ...flagLines(name, lang));
  return lines;
}

/** The help of one command: Indonesian first, then English. */
export function renderCommandHelp(name: CommandName): string {
  return [...section(name, 'id'), '', '—', '', ...section(name, 'en')].join('\n');
}

/** The help of a group ('user'): its commands in both languages. */
export function renderGroupHelp(group: string): string {
  const names = (COMMAND_GROUPS[group] ?? []).map((sub) => `${group} ${sub}` as CommandName);
  return [
    `Pemakaian: ${PREFIX} ${group} <perintah> [opsi]`,
    ...names.map((name) => `  ${name.padEnd(22)}${COMMAND_SPECS[name].title.id}`),
    '',
    `Usage: ${PREFIX} ${group} <command> [options]`,
    ...names.map((name) => `  ${name.padEnd(22)}${COMMAND_SPECS[name].title.en}`),
  ].join('\n');
}

const ALL_COMMANDS = Object.keys(COMMAND_SPECS) as CommandName[];

/** The overview: every command, where the database comes from and what the exit codes mean. */
export function renderGeneralHelp(): string {
  return [
    'Sigap: alat baris perintah untuk pengelola.',
    `Pemakaian: ${PREFIX} <perintah> [opsi]     (bantuan tiap perintah: <perintah> --help)`,
    '',
    'Perintah:',
    ...ALL_COMMANDS.map((name) => `  ${name.padEnd(22)}${COMMAND_SPECS[name].title.id}`),
    '',
    'Basis data: PostgreSQL bila DATABASE_URL diisi, selain itu PGlite di DATA_DIR (bawaan ./data).',
    'PGlite hanya bisa dibuka satu proses: hentikan server dulu.',
    'Kode keluar: 0 berhasil, 1 gagal atau rantai audit rusak, 2 masukan atau konfigurasi salah,',
    '3 folder data sedang dipakai proses lain.',
    '',
    '—',
    '',
    'Sigap: command-line tool for administrators.',
    `Usage: ${PREFIX} <command> [options]     (help on each command: <command> --help)`,
    '',
    'Commands:',
    ...ALL_COMMANDS.map((name) => `  ${name.padEnd(22)}${COMMAND_SPECS[name].title.en}`),
    '',
    'Database: PostgreSQL when DATABASE_URL is set, otherwise PGlite under DATA_DIR (default ./data).',
    'Only one process can open PGlite: stop the server first.',
    'Exit codes: 0 success, 1 failure or broken audit chain, 2 wrong input or configuration,',
    '3 data folder in use by another process.',
  ].join('\n');
}

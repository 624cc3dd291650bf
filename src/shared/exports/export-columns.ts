import { dataMapEntry } from '../privacy/data-map.ts';
import type { ExportKind } from './export-schema.ts';

/** How a column's values are typed in XLSX (and written in CSV). */
export type ColumnType = 'text' | 'integer' | 'number' | 'datetime' | 'boolean' | 'list';

/**
 * One column of an export: its key in the row, the Indonesian header (the file's first row), the English one,
 * the HXL hashtag (docs/EXPORTS.md holds the table), and a sentence describing it (the XLSX's "Kolom" sheet).
 */
export type ExportColumn = {
  key: string;
  header: string;
  english: string;
  type: ColumnType;
  hxl: string;
  description: string;
  /** The data map's column the values come from ('table.column'), when they hold personal data. */
  source?: DataMapColumn;
  /**
   * Personal data, from the data map: a source column that is masked for those who may see the record but not the
   * person is written only for handlers who asked for it (and access-logged).
   */
  personal?: true;
};

/** A column of the data map as 'table.column'. */
export type DataMapColumn = `${string}.${string}`;

/** Whether the data map masks a column (so an export writes it only for handlers who asked). */
export function isMaskedInDataMap(source: DataMapColumn): boolean {
  const [table, column] = source.split('.');
  const entry = dataMapEntry(table, column);
  return entry !== undefined && entry.mask !== 'none';
}

const c = (
  key: string,
  header: string,
  english: string,
  type: ColumnType,
  hxl: string,
  description: string,
  source?: DataMapColumn,
): ExportColumn => ({
  key,
  header,
  english,
  type,
  hxl,
  description,
  ...(source ? { source } : {}),
  ...(source && isMaskedInDataMap(source) ? { personal: true as const } : {}),
});

/** A time column: an export writes every time in WIB, and both headers say so. */
const wibTime = (key: string, header: string, english: string, hxl: string, description: string) =>
  c(key, `${header} (WIB)`, `${english} (WIB)`, 'datetime', hxl, description);

/** The place columns every export shares, Kemendagri codes at each level. */
const PLACE: ExportColumn[] = [
  c(
    'adm1Code',
    'Kode provinsi',
    'Province code',
    'text',
    '#adm1+code',
    'Kode Kemendagri provinsi (35 = Jawa Timur).',
  ),
  c('adm1Name', 'Provinsi', 'Province', 'text', '#adm1+name', 'Nama provinsi.'),
  c('adm2Code', 'Kode kab/kota', 'District code', 'text', '#adm2+code', 'Kode Kemendagri kabupaten/kota.'),
  c('adm2Name', 'Kab/kota', 'District', 'text', '#adm2+name', 'Nama kabupaten/kota.'),
  c(
    'adm3Code',
    'Kode kecamatan',
    'Sub-district code',
    'text',
    '#adm3+code',
    'Kode kecamatan; kosong bila tidak diketahui.',
  ),
  c('adm3Name', 'Kecamatan', 'Sub-district', 'text', '#adm3+name', 'Nama kecamatan.'),
  c(
    'adm4Code',
    'Kode desa/kelurahan',
    'Village code',
    'text',
    '#adm4+code',
    'Kode desa/kelurahan; kosong bila hanya kecamatan yang diketahui.',
  ),
  c('adm4Name', 'Desa/kelurahan', 'Village', 'text', '#adm4+name', 'Nama desa/kelurahan.'),
];

/** The conflict type of a report or case. */
const CONFLICT_TYPE = c(
  'conflictType',
  'Jenis konflik',
  'Conflict type',
  'text',
  '#event+type',
  'Kategori konflik sosial.',
);

/** The level that handles a case or alert (it climbs when deadlines pass). */
const HANDLING_LEVEL = c(
  'handlingLevel',
  'Tingkat penanganan',
  'Handling level',
  'text',
  '#org+level',
  'kabkota, bakorwil atau provinsi.',
);

const REPORTS: ExportColumn[] = [
  c('id', 'Id laporan', 'Report id', 'text', '#event+id', 'Pengenal unik laporan di Sigap.'),
  wibTime(
    'occurredAt',
    'Waktu kejadian',
    'Occurred at',
    '#date+occurred',
    'Waktu kejadian menurut pelapor, WIB.',
  ),
  wibTime('createdAt', 'Diterima', 'Received at', '#date+reported', 'Waktu laporan diterima Sigap, WIB.'),
  c(
    'kind',
    'Jenis laporan',
    'Report kind',
    'text',
    '#event+kind',
    'kejadian (insiden) atau sinyal (tanda awal).',
  ),
  CONFLICT_TYPE,
  c(
    'triggers',
    'Pemicu',
    'Triggers',
    'list',
    '#event+triggers',
    'Pemicu yang disebut pelapor, dipisah koma.',
  ),
  ...PLACE,
  c('latitude', 'Lintang', 'Latitude', 'number', '#geo+lat', 'Lintang GPS (WGS84); kosong bila tidak ada.'),
  c('longitude', 'Bujur', 'Longitude', 'number', '#geo+lon', 'Bujur GPS (WGS84); kosong bila tidak ada.'),
  c(
    'groupsInvolved',
    'Kelompok terlibat',
    'Groups involved',
    'text',
    '#group+involved',
    'Kelompok yang terlibat, teks bebas.',
    'reports.groups_involved',
  ),
  c(
    'description',
    'Uraian',
    'Description',
    'text',
    '#description',
    'Uraian kejadian dari pelapor.',
    'reports.description',
  ),
  c(
    'involved',
    'Orang terlibat',
    'People involved',
    'integer',
    '#affected+involved',
    'Perkiraan jumlah orang terlibat.',
  ),
  c('injured', 'Luka', 'Injured', 'integer', '#affected+injured', 'Jumlah orang luka.'),
  c('dead', 'Meninggal', 'Killed', 'integer', '#affected+killed', 'Jumlah orang meninggal.'),
  c('displaced', 'Mengungsi', 'Displaced', 'integer', '#affected+displaced', 'Jumlah orang mengungsi.'),
  c('housesDamaged', 'Rumah rusak', 'Houses damaged', 'integer', '#affected+houses', 'Jumlah rumah rusak.'),
  c(
    'children',
    'Anak terdampak',
    'Children affected',
    'integer',
    '#affected+children',
    'Anak yang menjadi korban atau mengungsi.',
  ),
  c(
    'vulnerableAffected',
    'Kelompok rentan terdampak',
    'Vulnerable people affected',
    'integer',
    '#affected+vulnerable',
    'Orang dari kelompok rentan yang menjadi korban atau mengungsi (semua kelompok).',
  ),
  c(
    'channel',
    'Saluran',
    'Channel',
    'text',
    '#meta+channel',
    'Jalur masuk laporan: web, api, odk, sms, import.',
  ),
  c('status', 'Status', 'Status', 'text', '#status', 'baru, terverifikasi, ditolak atau duplikat.'),
  c('priority', 'Prioritas', 'Priority', 'text', '#severity', 'P1 (paling mendesak) sampai P4.'),
  wibTime('verifiedAt', 'Diverifikasi', 'Verified at', '#date+verified', 'Waktu laporan diverifikasi.'),
  c('caseId', 'Id kasus', 'Case id', 'text', '#activity+id', 'Kasus yang menangani laporan ini.'),
];

const CASES: ExportColumn[] = [
  c('id', 'Id kasus', 'Case id', 'text', '#activity+id', 'Pengenal unik kasus di Sigap.'),
  c('title', 'Judul', 'Title', 'text', '#activity+name', 'Judul kasus.'),
  CONFLICT_TYPE,
  ...PLACE,
  c(
    'phase',
    'Tahap',
    'Phase',
    'text',
    '#status+phase',
    'pencegahan, penghentian, pemulihan atau selesai (UU 7/2012).',
  ),
  c('priority', 'Prioritas', 'Priority', 'text', '#severity', 'P1 sampai P4.'),
  c(
    'hasVulnerable',
    'Ada kelompok rentan',
    'Vulnerable people involved',
    'boolean',
    '#affected+vulnerable+any',
    'Ya bila ada orang dari kelompok rentan.',
  ),
  HANDLING_LEVEL,
  wibTime('createdAt', 'Dibuka', 'Opened at', '#date+opened', 'Waktu kasus dibuka.'),
  wibTime('dueResponseAt', 'Batas respons', 'Response due', '#date+due+response', 'Tenggat respons pertama.'),
  wibTime('firstResponseAt', 'Respons pertama', 'First response', '#date+response', 'Waktu respons pertama.'),
  c(
    'responseOnTime',
    'Respons tepat waktu',
    'Response on time',
    'boolean',
    '#indicator+response+ontime',
    'Ya bila respons pertama sebelum tenggat; kosong bila belum ada.',
  ),
  wibTime('dueResolveAt', 'Batas selesai', 'Resolution due', '#date+due+resolve', 'Tenggat penyelesaian.'),
  wibTime('closedAt', 'Ditutup', 'Closed at', '#date+closed', 'Waktu kasus ditutup.'),
  c(
    'resolvedOnTime',
    'Selesai tepat waktu',
    'Resolved on time',
    'boolean',
    '#indicator+resolve+ontime',
    'Ya bila ditutup sebelum tenggat; kosong bila belum ditutup.',
  ),
  c('outcome', 'Hasil', 'Outcome', 'text', '#outcome', 'Hasil penanganan saat ditutup.'),
  wibTime(
    'escalatedAt',
    'Dieskalasi',
    'Escalated at',
    '#date+escalated',
    'Waktu kasus naik ke tingkat yang lebih tinggi.',
  ),
  c(
    'reportCount',
    'Jumlah laporan',
    'Reports',
    'integer',
    '#meta+reports+num',
    'Laporan yang tergabung dalam kasus.',
  ),
  c(
    'people',
    'Orang rentan (nama, kelompok)',
    'Vulnerable people (name, group)',
    'list',
    '#beneficiary+name',
    'Nama dan kelompok orang rentan; hanya bagi penangan kasus yang memintanya.',
    'vulnerable_people.full_name',
  ),
];

const ALERTS: ExportColumn[] = [
  c('id', 'Id peringatan', 'Alert id', 'text', '#alert+id', 'Pengenal unik peringatan.'),
  wibTime('createdAt', 'Dibuat', 'Raised at', '#date+raised', 'Waktu peringatan dibuat.'),
  c('level', 'Tingkat', 'Level', 'text', '#severity', 'Tingkat kewaspadaan.'),
  c('source', 'Sumber', 'Source', 'text', '#meta+source', 'otomatis (dari model) atau manual.'),
  c('status', 'Status', 'Status', 'text', '#status', 'aktif, diterima, ditutup atau diganti.'),
  c('headline', 'Judul', 'Headline', 'text', '#alert+headline', 'Judul peringatan.'),
  ...PLACE,
  HANDLING_LEVEL,
  wibTime('dueAcknowledgeAt', 'Batas diterima', 'Acknowledgement due', '#date+due', 'Tenggat penerimaan.'),
  wibTime(
    'acknowledgedAt',
    'Diterima',
    'Acknowledged at',
    '#date+acknowledged',
    'Waktu peringatan diterima.',
  ),
  c(
    'acknowledgedOnTime',
    'Diterima tepat waktu',
    'Acknowledged on time',
    'boolean',
    '#indicator+ontime',
    'Ya bila diterima sebelum tenggat.',
  ),
  wibTime('closedAt', 'Ditutup', 'Closed at', '#date+closed', 'Waktu peringatan ditutup.'),
];

const PILLARS: ExportColumn[] = [
  c('id', 'Id pilar', 'Pillar id', 'text', '#contact+id', 'Pengenal unik pilar sosial.'),
  c(
    'pillarType',
    'Jenis pilar',
    'Pillar type',
    'text',
    '#contact+type',
    'Jenis pilar sosial (Tagana, PSM, TKSK …).',
  ),
  ...PLACE,
  c('skills', 'Keahlian', 'Skills', 'list', '#contact+skills', 'Keahlian, dipisah koma.'),
  c(
    'trainings',
    'Jumlah pelatihan',
    'Trainings',
    'integer',
    '#contact+trainings+num',
    'Pelatihan yang tercatat.',
  ),
  c('status', 'Status', 'Status', 'text', '#status', 'aktif atau nonaktif.'),
  c('availability', 'Kesiagaan', 'Availability', 'text', '#status+availability', 'siaga atau libur.'),
  wibTime('createdAt', 'Terdaftar', 'Registered at', '#date+registered', 'Waktu pilar didaftarkan.'),
  c(
    'name',
    'Nama',
    'Name',
    'text',
    '#contact+name',
    'Nama pilar; hanya bagi pengelola daftar yang memintanya.',
    'pillars.name',
  ),
  c(
    'phone',
    'Telepon',
    'Phone',
    'text',
    '#contact+phone',
    'Nomor telepon; hanya bagi pengelola daftar yang memintanya.',
    'pillars.phone',
  ),
];

/** The records behind an evaluation figure (GET /api/evaluations/records): no personal data. */
const EVALUATION: ExportColumn[] = [
  c(
    'recordType',
    'Jenis catatan',
    'Record type',
    'text',
    '#meta+type',
    'laporan, kasus, rujukan, tindak lanjut, penugasan, wilayah atau peringatan.',
  ),
  c('id', 'Id catatan', 'Record id', 'text', '#meta+id', 'Pengenal catatan di Sigap (wilayah: kodenya).'),
  c(
    'set',
    'Himpunan data',
    'Record set',
    'text',
    '#indicator+code',
    'Angka evaluasi yang dihitung dari catatan ini, mis. reports.priority=P1.',
  ),
  ...PLACE,
  wibTime(
    'at',
    'Waktu',
    'Time',
    '#date',
    'Waktu catatan yang dipakai angkanya (laporan diterima, kasus dibuka …), WIB.',
  ),
  c(
    'details',
    'Keterangan',
    'Details',
    'list',
    '#meta+tags',
    'Ciri catatan yang dipakai angkanya (jenis, prioritas, status …), dipisah koma.',
  ),
  c(
    'minutes',
    'Waktu tempuh (menit)',
    'Time taken (minutes)',
    'number',
    '#indicator+minutes',
    'Menit sampai diterima, direspons atau diselesaikan, bila angkanya berupa waktu.',
  ),
  c(
    'deadline',
    'Batas waktu (menit)',
    'Deadline (minutes)',
    'integer',
    '#indicator+deadline',
    'Batas waktu angka itu dalam menit.',
  ),
  c(
    'isWithin',
    'Dalam batas waktu',
    'Within the deadline',
    'boolean',
    '#indicator+ontime',
    'Ya bila waktu tempuh tidak melewati batas; kosong bila angkanya bukan waktu.',
  ),
];

export const EXPORT_COLUMNS: Record<ExportKind, readonly ExportColumn[]> = {
  reports: REPORTS,
  cases: CASES,
  alerts: ALERTS,
  pillars: PILLARS,
  evaluation: EVALUATION,
};

/** The columns of an export: personal ones only when they will be filled. */
export function exportColumns(kind: ExportKind, personal: boolean): readonly ExportColumn[] {
  return EXPORT_COLUMNS[kind].filter((column) => personal || !column.personal);
}

/** The file's title (sheet name, file name stem). */
export const EXPORT_TITLES: Record<ExportKind, string> = {
  reports: 'Laporan',
  cases: 'Kasus',
  alerts: 'Peringatan',
  pillars: 'Pilar sosial',
  evaluation: 'Catatan evaluasi',
};

// The messages of the export panel on the office lists (exp.*). Imported by the panel; registers itself.
import { registerMessages } from '../i18n.ts';

const id = {
  'exp.title': 'Ekspor',
  'exp.lead': 'Unduh daftar ini dengan saringan yang sama, untuk Excel, QGIS atau alat kemanusiaan (HXL).',
  'exp.format': 'Format',
  'exp.format.csv': 'CSV (Excel)',
  'exp.format.xlsx': 'XLSX (Excel, kolom bertipe)',
  'exp.format.geojson': 'GeoJSON (peta, QGIS)',
  'exp.format.hxl': 'CSV bertanda HXL',
  'exp.delimiter': 'Pemisah kolom',
  'exp.delimiter.comma': 'koma (,)',
  'exp.delimiter.semicolon': 'titik koma (;), Excel berbahasa Indonesia',
  'exp.personal': 'Sertakan data pribadi (hanya kasus yang Anda tangani; setiap akses dicatat)',
  'exp.download': 'Unduh sekarang',
  'exp.background': 'Ekspor di latar belakang',
  'exp.backgroundHint':
    'Untuk data besar: berkas disiapkan di server, Anda diberi tahu bila siap, dan disimpan sehari.',
  'exp.status.antre': 'Menunggu giliran…',
  'exp.status.berjalan': 'Sedang mengekspor: {rows} dari {total} baris',
  'exp.status.selesai': 'Siap: {rows} baris. Tersedia sampai {until}.',
  'exp.status.gagal': 'Ekspor gagal: {error}',
  'exp.fileLink': 'Unduh berkas',
} as const;

export type ExportsMessageKey = keyof typeof id;

const en: Record<ExportsMessageKey, string> = {
  'exp.title': 'Export',
  'exp.lead': 'Download this list with the same filters, for Excel, QGIS or humanitarian tools (HXL).',
  'exp.format': 'Format',
  'exp.format.csv': 'CSV (Excel)',
  'exp.format.xlsx': 'XLSX (Excel, typed columns)',
  'exp.format.geojson': 'GeoJSON (maps, QGIS)',
  'exp.format.hxl': 'HXL-tagged CSV',
  'exp.delimiter': 'Column separator',
  'exp.delimiter.comma': 'comma (,)',
  'exp.delimiter.semicolon': 'semicolon (;), Excel in Indonesian',
  'exp.personal': 'Include personal data (only cases you handle; every access is logged)',
  'exp.download': 'Download now',
  'exp.background': 'Export in the background',
  'exp.backgroundHint':
    'For large data: the file is prepared on the server, you are notified when ready, and it is kept a day.',
  'exp.status.antre': 'Waiting for its turn…',
  'exp.status.berjalan': 'Exporting: {rows} of {total} rows',
  'exp.status.selesai': 'Ready: {rows} rows. Available until {until}.',
  'exp.status.gagal': 'Export failed: {error}',
  'exp.fileLink': 'Download the file',
};

registerMessages({ id, en });

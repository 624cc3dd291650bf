// The messages of the export panel on the office lists (exp.*). Imported by the panel; registers itself.
import { registerBilingual } from './bilingual.ts';

export const messages = registerBilingual({
  'exp.title': ['Ekspor', 'Export'],
  'exp.lead': [
    'Unduh daftar ini dengan saringan yang sama, untuk Excel, QGIS atau alat kemanusiaan (HXL).',
    'Download this list with the same filters, for Excel, QGIS or humanitarian tools (HXL).',
  ],
  'exp.format': ['Format', 'Format'],
  'exp.format.csv': ['CSV (Excel)', 'CSV (Excel)'],
  'exp.format.xlsx': ['XLSX (Excel, kolom bertipe)', 'XLSX (Excel, typed columns)'],
  'exp.format.geojson': ['GeoJSON (peta, QGIS)', 'GeoJSON (maps, QGIS)'],
  'exp.format.hxl': ['CSV bertanda HXL', 'HXL-tagged CSV'],
  'exp.delimiter': ['Pemisah kolom', 'Column separator'],
  'exp.delimiter.comma': ['koma (,)', 'comma (,)'],
  'exp.delimiter.semicolon': [
    'titik koma (;), Excel berbahasa Indonesia',
    'semicolon (;), Excel in Indonesian',
  ],
  'exp.personal': [
    'Sertakan data pribadi (hanya kasus yang Anda tangani; setiap akses dicatat)',
    'Include personal data (only cases you handle; every access is logged)',
  ],
  'exp.download': ['Unduh sekarang', 'Download now'],
  'exp.background': ['Ekspor di latar belakang', 'Export in the background'],
  'exp.backgroundHint': [
    'Untuk data besar: berkas disiapkan di server, Anda diberi tahu bila siap, dan disimpan sehari.',
    'For large data: the file is prepared on the server, you are notified when ready, and it is kept a day.',
  ],
  'exp.status.antre': ['Menunggu giliran…', 'Waiting for its turn…'],
  'exp.status.berjalan': [
    'Sedang mengekspor: {rows} dari {total} baris',
    'Exporting: {rows} of {total} rows',
  ],
  'exp.status.selesai': [
    'Siap: {rows} baris. Tersedia sampai {until}.',
    'Ready: {rows} rows. Available until {until}.',
  ],
  'exp.status.gagal': ['Ekspor gagal: {error}', 'Export failed: {error}'],
  'exp.fileLink': ['Unduh berkas', 'Download the file'],
});

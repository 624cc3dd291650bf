// The messages of the history import page (hist.*). Imported by the page; registers itself.
import { registerBilingual } from './bilingual.ts';

const messages = registerBilingual({
  'hist.lead': [
    'Masukkan daftar kejadian konflik tahun-tahun lalu dari lembar kerja (CSV atau XLSX). Kejadian ini menjadi riwayat peringatan dini dan uji balik; tidak ada tenggat, eskalasi, peringatan atau notifikasi.',
    'Bring in past years of conflict incidents from a spreadsheet (CSV or XLSX). They become the early warning’s history and the backtest’s data; no deadline, escalation, alert or notification.',
  ],
  'hist.file': ['Berkas CSV atau XLSX', 'CSV or XLSX file'],
  'hist.upload': ['Unggah', 'Upload'],
  'hist.known': [
    'Berkas ini sudah pernah diunggah ({date}); tidak ada yang disimpan dua kali.',
    'This file was uploaded before ({date}); nothing is stored twice.',
  ],
  'hist.rows': ['{rows} baris, kolom: {headers}', '{rows} rows, columns: {headers}'],
  'hist.mapping': ['2. Pemetaan kolom', '2. Column mapping'],
  'hist.mappingLead': [
    'Pilih kolom berkas untuk setiap isian. Tanggal dan tempat wajib.',
    'Pick the file’s column for each field. Date and place are needed.',
  ],
  'hist.none': ['(tidak ada)', '(none)'],
  'hist.field.date': ['Tanggal', 'Date'],
  'hist.field.place': ['Tempat (kolom {n})', 'Place (column {n})'],
  'hist.field.type': ['Jenis kejadian', 'Type of incident'],
  'hist.field.description': ['Uraian', 'Description'],
  'hist.field.injured': ['Luka', 'Injured'],
  'hist.field.dead': ['Meninggal', 'Dead'],
  'hist.field.displaced': ['Mengungsi', 'Displaced'],
  'hist.field.groups': ['Kelompok', 'Groups'],
  'hist.field.source': ['Sumber', 'Source'],
  'hist.home': [
    'Kab/kota asal berkas (kode, untuk nama tempat yang kembar; boleh kosong)',
    'The file’s kab/kota (code, for places of the same name; optional)',
  ],
  'hist.duplicates': [
    'Impor juga baris yang tampak duplikat laporan di Sigap',
    'Also import rows that look like reports already in Sigap',
  ],
  'hist.dryRun': ['Uji coba', 'Dry run'],
  'hist.result': ['3. Hasil uji coba', '3. Dry run result'],
  'hist.counts': [
    '{siap} siap, {ambigu} tempat ambigu, {duplikat} duplikat, {sudah} sudah diimpor, {galat} galat — {first} s.d. {last}',
    '{siap} ready, {ambigu} ambiguous places, {duplikat} duplicates, {sudah} already imported, {galat} errors — {first} to {last}',
  ],
  'hist.types': ['Tabel jenis', 'Type mapping'],
  'hist.typesLead': [
    'Kata sumber → jenis konflik Sigap. Ubah bila usulan keliru, lalu uji coba lagi.',
    'Source word → Sigap conflict type. Change a wrong suggestion, then run the dry run again.',
  ],
  'hist.col.value': ['Kata di berkas', 'Word in the file'],
  'hist.col.rows': ['Baris', 'Rows'],
  'hist.col.type': ['Jenis Sigap', 'Sigap type'],
  'hist.rowsTable': ['Baris yang perlu dilihat', 'Rows to look at'],
  'hist.col.row': ['Baris', 'Row'],
  'hist.col.state': ['Status', 'State'],
  'hist.col.date': ['Tanggal', 'Date'],
  'hist.col.place': ['Tempat di berkas', 'Place in the file'],
  'hist.col.resolved': ['Tempat Sigap', 'Place in Sigap'],
  'hist.col.counts': ['Luka / meninggal / mengungsi', 'Injured / dead / displaced'],
  'hist.col.note': ['Catatan', 'Note'],
  'hist.pick': ['Pilih tempat baris {row}', 'Pick the place of row {row}'],
  'hist.pickNone': ['Pilih…', 'Pick…'],
  'hist.duplicateOf': ['mirip laporan {id}', 'like report {id}'],
  'hist.state.siap': ['siap', 'ready'],
  'hist.state.ambigu': ['ambigu', 'ambiguous'],
  'hist.state.duplikat': ['duplikat', 'duplicate'],
  'hist.state.sudah': ['sudah diimpor', 'already imported'],
  'hist.state.galat': ['galat', 'error'],
  'hist.start': ['Impor', 'Import'],
  'hist.progress': ['Mengimpor: {done} dari {total} baris', 'Importing: {done} of {total} rows'],
  'hist.done': [
    'Selesai: {imported} kejadian diimpor, {skipped} dilewati ({first} s.d. {last}).',
    'Done: {imported} incidents imported, {skipped} skipped ({first} to {last}).',
  ],
  'hist.failed': ['Impor gagal: {error}', 'Import failed: {error}'],
  'hist.queued': ['Menunggu giliran…', 'Waiting for its turn…'],
});

export type HistoryMessageKey = keyof typeof messages;

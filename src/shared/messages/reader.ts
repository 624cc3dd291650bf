// The messages of the text reader's panel on the report form. Loaded with the panel (TextReaderPanel.tsx), so
// the field report page does not carry them until someone asks the reader. Importing registers the tables.
import { registerBilingual } from './bilingual.ts';

export const messages = registerBilingual({
  'reader.title': ['Saran dari teks pesan', 'Suggestions from the message text'],
  'reader.reading': ['Membaca teks…', 'Reading the text…'],
  'reader.failed': [
    'Teks tidak bisa dibaca sekarang. Isi formulir seperti biasa.',
    'The text cannot be read now. Fill in the form as usual.',
  ],
  'reader.intro': [
    'Periksa saran di bawah. Kata yang menentukan ditandai di teks. Pakai saran, lalu ubah bila perlu.',
    'Check the suggestions below. The deciding words are marked in the text. Use them, then change what is wrong.',
  ],
  'reader.words': ['Kata penentu', 'Deciding words'],
  'reader.kind': ['Jenis laporan', 'Report kind'],
  'reader.conflictType': ['Tipe konflik', 'Conflict type'],
  'reader.place': ['Tempat', 'Place'],
  'reader.placeUnknown': ['tidak disebut', 'not named'],
  'reader.placeAmbiguous': ['belum pasti: {names}', 'not certain: {names}'],
  'reader.counts': ['Korban', 'Victims'],
  'reader.countsValue': [
    'luka {injured}, meninggal {dead}, mengungsi {displaced}',
    'injured {injured}, dead {dead}, displaced {displaced}',
  ],
  'reader.countUnknown': ['–', '–'],
  'reader.vulnerable': ['Kelompok rentan terdampak', 'Vulnerable groups affected'],
  'reader.none': ['tidak ada', 'none'],
  'reader.ongoing': ['Kekerasan masih berlangsung', 'Violence still going on'],
  'reader.yes': ['ya', 'yes'],
  'reader.no': ['tidak', 'no'],
  'reader.confidence': ['keyakinan {percent}%', 'confidence {percent}%'],
  'reader.apply': ['Pakai saran ini', 'Use these suggestions'],
  'reader.close': ['Tutup', 'Close'],
  'reader.applied': [
    'Saran dipakai. Periksa dan ubah isian bila perlu.',
    'Suggestions used. Check the fields and change them if needed.',
  ],
});

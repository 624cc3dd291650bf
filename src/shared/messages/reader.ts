// The messages of the text reader's panel on the report form. Loaded with the panel (TextReaderPanel.tsx), so
// the field report page does not carry them until someone asks the reader. Importing registers the tables.
import { registerMessages } from '../i18n.ts';

const id = {
  'reader.title': 'Saran dari teks pesan',
  'reader.reading': 'Membaca teks…',
  'reader.failed': 'Teks tidak bisa dibaca sekarang. Isi formulir seperti biasa.',
  'reader.intro':
    'Periksa saran di bawah. Kata yang menentukan ditandai di teks. Pakai saran, lalu ubah bila perlu.',
  'reader.words': 'Kata penentu',
  'reader.kind': 'Jenis laporan',
  'reader.conflictType': 'Tipe konflik',
  'reader.place': 'Tempat',
  'reader.placeUnknown': 'tidak disebut',
  'reader.placeAmbiguous': 'belum pasti: {names}',
  'reader.counts': 'Korban',
  'reader.countsValue': 'luka {injured}, meninggal {dead}, mengungsi {displaced}',
  'reader.countUnknown': '–',
  'reader.vulnerable': 'Kelompok rentan terdampak',
  'reader.none': 'tidak ada',
  'reader.ongoing': 'Kekerasan masih berlangsung',
  'reader.yes': 'ya',
  'reader.no': 'tidak',
  'reader.confidence': 'keyakinan {percent}%',
  'reader.apply': 'Pakai saran ini',
  'reader.close': 'Tutup',
  'reader.applied': 'Saran dipakai. Periksa dan ubah isian bila perlu.',
} as const;

export type ReaderMessageKey = keyof typeof id;

const en: Record<ReaderMessageKey, string> = {
  'reader.title': 'Suggestions from the message text',
  'reader.reading': 'Reading the text…',
  'reader.failed': 'The text cannot be read now. Fill in the form as usual.',
  'reader.intro':
    'Check the suggestions below. The deciding words are marked in the text. Use them, then change what is wrong.',
  'reader.words': 'Deciding words',
  'reader.kind': 'Report kind',
  'reader.conflictType': 'Conflict type',
  'reader.place': 'Place',
  'reader.placeUnknown': 'not named',
  'reader.placeAmbiguous': 'not certain: {names}',
  'reader.counts': 'Victims',
  'reader.countsValue': 'injured {injured}, dead {dead}, displaced {displaced}',
  'reader.countUnknown': '–',
  'reader.vulnerable': 'Vulnerable groups affected',
  'reader.none': 'none',
  'reader.ongoing': 'Violence still going on',
  'reader.yes': 'yes',
  'reader.no': 'no',
  'reader.confidence': 'confidence {percent}%',
  'reader.apply': 'Use these suggestions',
  'reader.close': 'Close',
  'reader.applied': 'Suggestions used. Check the fields and change them if needed.',
};

registerMessages({ id, en });

// The messages of the provocation watch's forms and evaluation (provw.*): the takedown request, the screenshot
// upload, merging two items, and the evaluation page. Registered with the page's other tables (provocation.ts).
import { registerBilingual } from './bilingual.ts';

export const messages = registerBilingual({
  'provw.takedown.form': ['Minta penurunan atau penyelidikan', 'Request a takedown or investigation'],
  'provw.takedown.kind': ['Jenis permintaan', 'Kind of request'],
  'provw.takedown.agency': ['Lembaga mitra', 'Partner agency'],
  'provw.takedown.case': ['Kasus yang tertaut', 'Linked case'],
  'provw.takedown.instruction': [
    'Uraian permintaan (minimal {min} karakter)',
    'What is asked (at least {min} characters)',
  ],
  'provw.takedown.noCase': [
    'Tautkan konten ini ke sebuah kasus dahulu: permintaan dikirim sebagai disposisi pada kasus itu.',
    'Link this item to a case first: the request is sent as a disposition on that case.',
  ],
  'provw.takedown.send': ['Kirim ke lembaga mitra', 'Send to the partner agency'],
  'provw.takedown.sent': [
    'Permintaan terkirim sebagai disposisi; mitra menjawab di halaman Disposisi.',
    'Request sent as a disposition; the partner answers on its Dispositions page.',
  ],
  'provw.shot.title': ['Unggah tangkapan layar', 'Upload a screenshot'],
  'provw.shot.sighting': ['Penampakan', 'Sighting'],
  'provw.shot.file': [
    'Berkas gambar (JPEG atau PNG, maksimal 5 MB; metadata dihapus)',
    'Image file (JPEG or PNG, at most 5 MB; metadata removed)',
  ],
  'provw.shot.send': ['Unggah', 'Upload'],
  'provw.shot.sent': ['Tangkapan layar tersimpan.', 'Screenshot saved.'],
  'provw.shot.movedNotice': [
    'Gambar ini sama dengan konten lain; penampakannya dipindah ke sana.',
    'This image matches another item; its sighting moved there.',
  ],
  'provw.shot.none': [
    'Semua penampakan sudah punya tangkapan layar.',
    'Every sighting already has a screenshot.',
  ],
  'provw.merge.title': ['Gabungkan ke konten lain', 'Merge into another item'],
  'provw.merge.hint': [
    'Bila konten ini sama dengan konten lain yang tidak tergabung otomatis: semua penampakan dan tanggapannya pindah ke konten tujuan, dan alamat konten ini mengarah ke sana. Tercatat di log audit.',
    'When this item is the same content as another the matching did not join: all its sightings and responses move to the chosen item, and this item’s address leads there. Recorded in the audit log.',
  ],
  'provw.merge.target': ['Konten tujuan', 'Item to merge into'],
  'provw.merge.choose': ['Pilih konten…', 'Choose an item…'],
  'provw.merge.confirm': ['Saya yakin keduanya konten yang sama', 'I am sure both are the same content'],
  'provw.merge.send': ['Gabungkan', 'Merge'],
  'provw.merge.noOther': [
    'Tidak ada konten lain di wilayah Anda untuk digabungkan.',
    'No other item in your region to merge with.',
  ],
  'provw.merged': [
    'Konten digabungkan; Anda kini melihat konten tujuannya.',
    'Items merged; you are now looking at the item they joined.',
  ],
  'provw.eval.link': ['Evaluasi pantauan konten', 'Evaluation of the content watch'],
  'provw.eval.title': ['Evaluasi pantauan konten provokatif', 'Evaluation of the provocation watch'],
  'provw.eval.purpose': [
    'Seberapa cepat konten ditanggapi dan apakah tanggapan datang sebelum kejadian. Angka dihitung dari konten yang tercatat; konten yang digabungkan dihitung sekali.',
    'How fast content is answered, and whether answers come before incidents. Figures are computed from the items recorded; merged items count once.',
  ],
  'provw.eval.kabkota': ['Kab/kota', 'Regency/city'],
  'provw.eval.allKabkota': ['Seluruh wilayah Anda', 'All of your region'],
  'provw.eval.items': ['Konten tercatat', 'Items recorded'],
  'provw.eval.toCounter': [
    'Median penampakan pertama → kontra-narasi disetujui',
    'Median first sighting → counter-message approved',
  ],
  'provw.eval.toTakedown': [
    'Median penampakan pertama → konten diturunkan',
    'Median first sighting → content taken down',
  ],
  'provw.eval.beforeIncident': [
    'Ditanggapi sebelum kejadian di kecamatan yang sama',
    'Answered before an incident in the same kecamatan',
  ],
  'provw.eval.beforeIncidentValue': [
    '{share} dari {n} konten yang diikuti kejadian',
    '{share} of {n} items followed by an incident',
  ],
  'provw.eval.hours': ['{hours} jam', '{hours} hours'],
  'provw.eval.none': ['–', '–'],
  'provw.eval.byAssessment': ['Konten per penilaian', 'Items by assessment'],
  'provw.eval.byPlatform': ['Konten per platform', 'Items by platform'],
  'provw.eval.count': ['Jumlah', 'Count'],
  'provw.eval.notAssessed': ['Belum dinilai', 'Not yet assessed'],
});

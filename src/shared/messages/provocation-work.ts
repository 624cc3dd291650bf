// The messages of the provocation watch's forms and evaluation (provw.*): the takedown request, the screenshot
// upload, merging two items, and the evaluation page. Registered with the page's other tables (provocation.ts).
import { registerMessages } from '../i18n.ts';

const id = {
  'provw.takedown.form': 'Minta penurunan atau penyelidikan',
  'provw.takedown.kind': 'Jenis permintaan',
  'provw.takedown.agency': 'Lembaga mitra',
  'provw.takedown.case': 'Kasus yang tertaut',
  'provw.takedown.instruction': 'Uraian permintaan (minimal 10 karakter)',
  'provw.takedown.noCase':
    'Tautkan konten ini ke sebuah kasus dahulu: permintaan dikirim sebagai disposisi pada kasus itu.',
  'provw.takedown.send': 'Kirim ke lembaga mitra',
  'provw.takedown.sent': 'Permintaan terkirim sebagai disposisi; mitra menjawab di halaman Disposisi.',
  'provw.shot.title': 'Unggah tangkapan layar',
  'provw.shot.sighting': 'Penampakan',
  'provw.shot.file': 'Berkas gambar (JPEG atau PNG, maksimal 5 MB; metadata dihapus)',
  'provw.shot.send': 'Unggah',
  'provw.shot.sent': 'Tangkapan layar tersimpan.',
  'provw.shot.movedNotice': 'Gambar ini sama dengan konten lain; penampakannya dipindah ke sana.',
  'provw.shot.none': 'Semua penampakan sudah punya tangkapan layar.',
  'provw.merge.title': 'Gabungkan ke konten lain',
  'provw.merge.hint':
    'Bila konten ini sama dengan konten lain yang tidak tergabung otomatis: semua penampakan dan tanggapannya pindah ke konten tujuan, dan alamat konten ini mengarah ke sana. Tercatat di log audit.',
  'provw.merge.target': 'Konten tujuan',
  'provw.merge.choose': 'Pilih konten…',
  'provw.merge.confirm': 'Saya yakin keduanya konten yang sama',
  'provw.merge.send': 'Gabungkan',
  'provw.merge.noOther': 'Tidak ada konten lain di wilayah Anda untuk digabungkan.',
  'provw.merged': 'Konten digabungkan; Anda kini melihat konten tujuannya.',
  'provw.eval.link': 'Evaluasi pantauan konten',
  'provw.eval.title': 'Evaluasi pantauan konten provokatif',
  'provw.eval.purpose':
    'Seberapa cepat konten ditanggapi dan apakah tanggapan datang sebelum kejadian. Angka dihitung dari konten yang tercatat; konten yang digabungkan dihitung sekali.',
  'provw.eval.kabkota': 'Kab/kota',
  'provw.eval.allKabkota': 'Seluruh wilayah Anda',
  'provw.eval.items': 'Konten tercatat',
  'provw.eval.toCounter': 'Median penampakan pertama → kontra-narasi disetujui',
  'provw.eval.toTakedown': 'Median penampakan pertama → konten diturunkan',
  'provw.eval.beforeIncident': 'Ditanggapi sebelum kejadian di kecamatan yang sama',
  'provw.eval.beforeIncidentValue': '{share} dari {n} konten yang diikuti kejadian',
  'provw.eval.hours': '{hours} jam',
  'provw.eval.none': '–',
  'provw.eval.byAssessment': 'Konten per penilaian',
  'provw.eval.byPlatform': 'Konten per platform',
  'provw.eval.count': 'Jumlah',
  'provw.eval.notAssessed': 'Belum dinilai',
} as const;

export type ProvocationWorkMessageKey = keyof typeof id;

const en: Record<ProvocationWorkMessageKey, string> = {
  'provw.takedown.form': 'Request a takedown or investigation',
  'provw.takedown.kind': 'Kind of request',
  'provw.takedown.agency': 'Partner agency',
  'provw.takedown.case': 'Linked case',
  'provw.takedown.instruction': 'What is asked (at least 10 characters)',
  'provw.takedown.noCase':
    'Link this item to a case first: the request is sent as a disposition on that case.',
  'provw.takedown.send': 'Send to the partner agency',
  'provw.takedown.sent': 'Request sent as a disposition; the partner answers on its Dispositions page.',
  'provw.shot.title': 'Upload a screenshot',
  'provw.shot.sighting': 'Sighting',
  'provw.shot.file': 'Image file (JPEG or PNG, at most 5 MB; metadata removed)',
  'provw.shot.send': 'Upload',
  'provw.shot.sent': 'Screenshot saved.',
  'provw.shot.movedNotice': 'This image matches another item; its sighting moved there.',
  'provw.shot.none': 'Every sighting already has a screenshot.',
  'provw.merge.title': 'Merge into another item',
  'provw.merge.hint':
    'When this item is the same content as another the matching did not join: all its sightings and responses move to the chosen item, and this item’s address leads there. Recorded in the audit log.',
  'provw.merge.target': 'Item to merge into',
  'provw.merge.choose': 'Choose an item…',
  'provw.merge.confirm': 'I am sure both are the same content',
  'provw.merge.send': 'Merge',
  'provw.merge.noOther': 'No other item in your region to merge with.',
  'provw.merged': 'Items merged; you are now looking at the item they joined.',
  'provw.eval.link': 'Evaluation of the content watch',
  'provw.eval.title': 'Evaluation of the provocation watch',
  'provw.eval.purpose':
    'How fast content is answered, and whether answers come before incidents. Figures are computed from the items recorded; merged items count once.',
  'provw.eval.kabkota': 'Regency/city',
  'provw.eval.allKabkota': 'All of your region',
  'provw.eval.items': 'Items recorded',
  'provw.eval.toCounter': 'Median first sighting → counter-message approved',
  'provw.eval.toTakedown': 'Median first sighting → content taken down',
  'provw.eval.beforeIncident': 'Answered before an incident in the same kecamatan',
  'provw.eval.beforeIncidentValue': '{share} of {n} items followed by an incident',
  'provw.eval.hours': '{hours} hours',
  'provw.eval.none': '–',
  'provw.eval.byAssessment': 'Items by assessment',
  'provw.eval.byPlatform': 'Items by platform',
  'provw.eval.count': 'Count',
  'provw.eval.notAssessed': 'Not yet assessed',
};

registerMessages({ id, en });

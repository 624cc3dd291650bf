import { describe, expect, it } from 'vitest';
import type { ConflictType } from '../reports/report-schema.ts';
import { readConflictType } from './classify.ts';
import { makeDoc } from './doc.ts';

/** A message and the conflict type it must read as. */
type Reading = readonly [text: string, type: ConflictType];

const type = (text: string) => readConflictType(makeDoc(text)).value;

/** Each pass over the reader, with each of its rules and the messages that show it. */
const PASSES: Record<string, Record<string, readonly Reading[]>> = {
  'the conflict type of a message': {
    'reads a tawuran as "lainnya" unless perguruan or supporters fight it': [
      ['tawuran pemuda antar kampung, korban luka 5 org', 'lainnya'],
      ['pesilat pagar nusa dan psht tawuran di jalan raya, 4 org luka', 'antar_perguruan_silat'],
      ['tawuran suporter usai laga di dekat stadion', 'antar_suporter'],
    ],
    'does not read a house of worship used as a shelter as a religious matter': [
      [
        'puluhan warga mengungsi ke masjid setelah rumah mereka dilempari massa dr kampung sebelah',
        'antarwarga',
      ],
      ['massa melempari masjid saat pengajian berlangsung', 'sara_agama'],
    ],
    'knows the words of faith a message may use': [
      ['video penghinaan thd Nabi dr akun warga viral, massa mendatangi rumah pemilik akun', 'sara_agama'],
      ['tujuh rumah warga penganut aliran kepercayaan dirusak massa', 'sara_agama'],
      ['warga diminta tidak terpancing isu penyerangan pondok pesantren', 'sara_agama'],
    ],
    'reads pesilat attacked by local youths, in any passive form, as a perguruan against residents': [
      [
        'rombongan pesilat yg pulang dr pengesahan dilempari batu oleh pemuda kampung, tiga pesilat luka',
        'perguruan_silat_vs_warga',
      ],
    ],
    'reads a quarrel of fishermen over their waters as a resource dispute, not an election': [
      ['dua kubu nelayan ribut di perairan utara, satu perahu dirusak', 'sengketa_lahan_sda'],
    ],
    'reads a land quarrel over an inheritance between kin as a family feud': [
      ['sengketa tanah warisan, adik kakak saling pukul di depan rumah', 'antarwarga'],
      ['sengketa tanah dengan perusahaan perkebunan memanas', 'sengketa_lahan_sda'],
    ],
    'gives pesilat who fight the police, or beat an outsider, the perguruan-against-others type': [
      ['ratusan pesilat bentrok dengan aparat di depan mapolres', 'perguruan_silat_vs_warga'],
      ['seorang pelajar jadi korban pengeroyokan oleh oknum pesilat', 'perguruan_silat_vs_warga'],
      ['anggota psht dikeroyok oleh pesilat lain di pertigaan', 'antar_perguruan_silat'],
    ],
    'reads a victim of an assault "dilakukan oknum pesilat" as an outsider, unless of another perguruan': [
      ['korban pengeroyokan yang dilakukan oknum pesilat mengalami patah tulang', 'perguruan_silat_vs_warga'],
      [
        'remaja korban penganiayaan yang dilakukan pesilat karena memakai kaus perguruan lain',
        'antar_perguruan_silat',
      ],
    ],
    'weighs most what the quarrel is said to be about': [
      ['bentrok antar kampung semalam gara-gara rebutan air sumur, 3 luka', 'sengketa_lahan_sda'],
      ['cekcok soal batas pekarangan antara dua tetangga, 1 org luka', 'antarwarga'],
    ],
  },
  'the borders between conflict types, fourth pass': {
    'does not read a meeting held in a mosque as a matter of religion': [
      ['warga kumpul di masjid bahas tuduhan santet thd seorang janda', 'antarwarga'],
      ['massa ormas berkumpul di depan gereja, menolak kebaktian natal', 'sara_agama'],
    ],
    'reads two desa claiming the same hamlet as a boundary quarrel': [
      ['2 pemdes saling klaim dukuh di pinggir sungai, warga dukuh itu bingung ikut siapa', 'batas_wilayah'],
    ],
    'reads two families or two neighbourhoods at odds, and a mob against one person, as antarwarga': [
      ['dua keluarga gegeran soal ayam yg masuk kebun, jendela rumah pecah dilempar', 'antarwarga'],
      ['pemuda 3 RT saling ejek lalu ribut soal lapangan voli, 1 org luka', 'antarwarga'],
      ['seorang nenek dipukuli cucunya sendiri krn tdk dikasih uang, memar di lengan', 'antarwarga'],
      ['warga hajar pengemudi pikap yg nabrak anak kecil, mobilnya dibakar', 'antarwarga'],
    ],
    'reads a perguruan monument pulled down by residents as perguruan against residents': [
      [
        'tugu kecil perguruan di pinggir sawah dibongkar pemuda desa semalam, pengurus perguruan lapor polsek',
        'perguruan_silat_vs_warga',
      ],
    ],
    'does not read vehicles queueing at a blockade as an aid queue': [
      ['warga tutup akses ke lokasi tambang, truk2 antre sampai 1 km', 'sengketa_lahan_sda'],
      ['antrean penerima BLT di balai desa ricuh, warga saling dorong', 'lainnya'],
    ],
  },
  'the conflict type, fifth pass': {
    'reads "perguruan sebelah" as another perguruan': [
      ['anggota Pagar Nusa dikeroyok oknum perguruan sebelah di warung kopi', 'antar_perguruan_silat'],
    ],
    'reads residents who act against a perguruan as perguruan against residents': [
      ['pemuda desa sweeping atribut perguruan di pos ronda, 2 pesilat luka', 'perguruan_silat_vs_warga'],
    ],
    "reads the border of a house or a yard as a neighbours' quarrel, not a boundary": [
      ['tetangga di RT 05 ribut soal batas pagar rumah, satu bawa parang', 'antarwarga'],
    ],
    'reads two desa named side by side, or a desa that claims ground, as a boundary matter': [
      ['warga ds. Sumberrejo & ds. Karangrejo saling klaim lapangan bola di ujung dusun', 'batas_wilayah'],
      ['pedagang pasar dilarang buka lapak di lahan yg diklaim desa sebelah', 'batas_wilayah'],
    ],
    'reads an attack on a padepokan or a ranting post as one perguruan against another': [
      [
        'katanya pendekar dr kampung sebelah mau nyerang padepokan malam ini, warga takut',
        'antar_perguruan_silat',
      ],
    ],
    'reads a developer or pollution as a land and resources matter, and fasting as a matter of faith': [
      ['warga kampung demo ke pengembang perumahan yg nutup saluran', 'sengketa_lahan_sda'],
      ['warga demo ke pabrik krn pencemaran sungai', 'sengketa_lahan_sda'],
      ['ormas sweeping warung yg buka siang pas bulan puasa', 'sara_agama'],
    ],
    'reads waste from a factory and a claim to the ground as a land and resources matter': [
      ['warga protes bau limbah pabrik tahu, demo di depan pabrik', 'sengketa_lahan_sda'],
      ['pemuda yg main voli diusir orang yg ngaku punya tanahnya', 'sengketa_lahan_sda'],
    ],
  },
  'the conflict type, news pass': {
    "reads a pesilat beaten for wearing the perguruan's shirt while passing through as perguruan against residents":
      [
        [
          'remaja kampung mengeroyok seorang pesilat karena korban memakai kaus perguruan saat melintas',
          'perguruan_silat_vs_warga',
        ],
        // another perguruan's shirt names the other side
        ['pesilat menganiaya remaja yang memakai kaus perguruan lain saat melintas', 'antar_perguruan_silat'],
      ],
  },
  'the conflict type, second news pass': {
    'reads a border said to lie between families as their quarrel, not a boundary between desa': [
      ['dua orang terluka, keributan dipicu sengketa batas sawah antarkeluarga', 'antarwarga'],
      ['warga dua desa ribut soal batas sawah di perbatasan', 'batas_wilayah'],
    ],
    "reads a quarrel with a neighbour as a neighbours' feud whatever it is about": [
      ['seorang pria membacok tetangganya dalam cekcok soal saluran air sawah', 'antarwarga'],
      ['petani dua dusun rebutan saluran air irigasi, pintu air dirusak', 'sengketa_lahan_sda'],
    ],
  },
};

for (const [pass, rules] of Object.entries(PASSES)) {
  describe(pass, () => {
    it.each(Object.entries(rules))('%s', (_rule, readings) => {
      for (const [text, expected] of readings) expect(type(text), text).toBe(expected);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { readText } from '../../../shared/text-reader/read-text.ts';
import { jatimGazetteer } from './gazetteer-load.ts';

const g = jatimGazetteer();
const read = (text: string, homeRegion?: string) => readText(text, g, { homeRegion });

describe('the text reader and the traps of real messages', () => {
  it('never counts minors who attack as vulnerable children', () => {
    const r = read('pelajar SMP yg menyerang warga di kec. Kalisat diamankan polsek, 2 warga luka');
    expect(r.vulnerableGroups).not.toContain('anak');
    expect(r.injured).toBe(2);
    const perpetrators = read(
      'pengeroyokan pemuda di kec. Ajung, pelaku 4 org, 3 diantaranya msh pelajar SMP',
    );
    expect(perpetrators.vulnerableGroups).toEqual([]);
  });

  it('counts a child who is hurt, but not "anak buah" nor "penculik anak"', () => {
    expect(
      read('seorang bocah umur 9 th kena lemparan batu di kec. Ambulu, kepala bocor').vulnerableGroups,
    ).toEqual(['anak']);
    expect(read('anak buah kades ancam warga kec. Ambulu yg protes').vulnerableGroups).toEqual([]);
    expect(read('pemuda dipukuli warga krn dikira penculik anak di kec. Srono').vulnerableGroups).toEqual([]);
  });

  it('reads place names that are also common words as words, and as places after a marker', () => {
    const stones = read('massa bawa parang & batu, rumah warga dilempari di kec. Kedungadem Bojonegoro');
    expect(stones.kabkotaCode).toBe('35.22');
    const keras = read('ds. Keras kec. Diwek: cekcok pemuda berujung keras, 3 org luka');
    expect(keras.kabkotaCode).toBe('35.17');
    expect(keras.desaCode).not.toBeNull();
    expect(g.byCode.get(keras.desaCode ?? '')?.name).toBe('Keras');
  });

  it('places a convoy at its destination or clash site, not its origin', () => {
    const r = read('konvoi perguruan dr Madiun menuju Ponorogo, bentrok di kec. Babadan, 3 org luka');
    expect(r.kabkotaCode).toBe('35.02');
    expect(r.kecamatanCode).toBe('35.02.16');
  });

  it('reads number words, "30an" and vague amounts', () => {
    const words = read('tiga warga luka dan seorang meninggal dlm carok di kec. Pegantenan');
    expect([words.injured, words.dead]).toEqual([3, 1]);
    expect(read('30an warga ngungsi ke balai desa ds. Bades kec. Pasirian').displaced).toBe(30);
    expect(read('puluhan warga luka kena lemparan di kec. Rengel').injured).toBeNull();
  });

  it('reads "tidak ada korban" as zero injured and zero dead', () => {
    const r = read('perang sarung remaja di kec. Paciran dibubarkan, tdk ada korban');
    expect([r.injured, r.dead]).toEqual([0, 0]);
    expect(r.vulnerableGroups).toEqual([]);
  });

  it('tells Kota Malang from Kabupaten Malang', () => {
    expect(read('suporter ribut di kec. Blimbing Kota Malang, 2 org luka').kabkotaCode).toBe('35.73');
    expect(read('suporter ribut di kec. Kepanjen Kab Malang, 2 org luka').kabkotaCode).toBe('35.07');
    expect(read('rawan sweeping di sekitar stasiun Kota Malang sabtu').kabkotaCode).toBe('35.73');
  });

  it('resolves a kecamatan name found in two kabupaten by the home region, and lists the candidates without one', () => {
    const text = 'bentrok 2 perguruan di jalan raya kec. Jetis, 4 org luka';
    const unsure = read(text);
    expect(unsure.kabkotaCode).toBeNull();
    expect(unsure.candidates.map((c) => c.code).sort()).toEqual(['35.02.09', '35.16.16']);
    const home = read(text, '35.16');
    expect(home.kabkotaCode).toBe('35.16');
    expect(home.kecamatanCode).toBe('35.16.16');
    const named = read('bentrok 2 perguruan di jalan raya kec. Jetis Ponorogo, 4 org luka', '35.16');
    expect(named.kabkotaCode).toBe('35.02');
  });

  it('finds a desa however its name is spaced or misspelt', () => {
    for (const name of ['Tanggul Wetan', 'tanggulwetan', 'Tangul Wetan']) {
      expect(read(`bentrok pendukung caleg di ds. ${name} kec. Tanggul`).desaCode).toBe('35.09.06.2002');
    }
  });

  it('gives the words that decided each field as offsets into the text', () => {
    const text =
      'Warga ds. Mlirip kec. Jetis Mojokerto bentrok dgn penambang pasir, 6 warga ngungsi termasuk 2 mbah2';
    const r = read(text);
    expect(r).toMatchObject({
      kind: 'kejadian',
      conflictType: 'sengketa_lahan_sda',
      kabkotaCode: '35.16',
      displaced: 6,
    });
    expect(r.vulnerableGroups).toEqual(['lansia']);
    const said = (field: keyof typeof r.evidence) =>
      (r.evidence[field]?.spans ?? []).map(([a, b]) => text.slice(a, b));
    expect(said('kind')).toContain('bentrok');
    expect(said('conflictType')).toContain('penambang');
    expect(said('vulnerableGroups')).toContain('mbah2');
    expect(said('displaced')).toEqual(['6', 'ngungsi']);
    expect(said('place').join(' ')).toContain('ds. Mlirip');
    expect(r.evidence.kind?.confidence).toBeGreaterThan(0.5);
  });

  it('reads the way news writes: "antarkampung" as one word, families not counted as people, a part not as the whole', () => {
    const clash = read(
      'Ribuan warga mengungsi setelah bentrok antarkampung pecah di Kecamatan Wonorejo, Kabupaten Pasuruan. ' +
        'Sedikitnya 300 jiwa, termasuk lansia dan balita, bertahan di pengungsian.',
    );
    expect(clash).toMatchObject({ conflictType: 'antarwarga', kabkotaCode: '35.14', displaced: 300 });
    const families = read(
      'Empat keluarga mengungsi setelah rumah mereka dibakar di Kecamatan Omben, Sampang. ' +
        'Sebanyak 14 jiwa, termasuk seorang ibu hamil, kini mengungsi.',
    );
    expect(families.displaced).toBe(14);
    expect(read('carok di kec. Omben menewaskan satu orang').dead).toBe(1);
  });

  it('reads violence seen in a circulating video as a signal, not as an incident here', () => {
    const r = read(
      'Sebuah video seorang suporter dipukuli beredar di media sosial dengan narasi menyesatkan. ' +
        'Polres Kediri memastikan itu kejadian lama dan meminta suporter tidak terprovokasi.',
    );
    expect(r.kind).toBe('sinyal');
    expect(r.conflictType).toBe('antar_suporter');
  });

  it('reads a past incident recalled as the reason for worry as a signal, and a blockade as an incident', () => {
    expect(
      read(
        'bsk mlm ada rencana konvoi psht lewat kec. Bangsalsari, warga resah krn tahun lalu warung dirusak',
      ).kind,
    ).toBe('sinyal');
    expect(read('warga blokade jalan tambang pasir di kec. Candipuro sejak pagi, blm ada bentrok').kind).toBe(
      'kejadian',
    );
  });

  it('reads "Madiun kota" as the Kota, and a bare "Madiun" as the Kabupaten', () => {
    expect(read('pesilat saling ejek, ada seruan ngumpul di alun2 Madiun kota sabtu mlm').kabkotaCode).toBe(
      '35.77',
    );
    expect(read('pesilat saling ejek, ada seruan ngumpul di Madiun sabtu mlm').kabkotaCode).toBe('35.19');
  });

  it('reads "stasiun Madiun" and "alun2 Malang" as the Kota', () => {
    expect(read('pedagang asongan diusir paksa dr stasiun Madiun').kabkotaCode).toBe('35.77');
    expect(read('pesilat kumpul di alun2 Malang, warga resah').kabkotaCode).toBe('35.73');
  });

  it('tells a perguruan against residents from two perguruan', () => {
    expect(
      read('anggota PSHT dikeroyok pemuda kampung stlh nyopot bendera di kec. Kawedanan').conflictType,
    ).toBe('perguruan_silat_vs_warga');
    expect(
      read('warga kec. Kebonsari tolak pembangunan tugu perguruan, takut jd sasaran perguruan lain')
        .conflictType,
    ).toBe('perguruan_silat_vs_warga');
    expect(read('pesilat pagar nusa dan psht tawuran di kec. Ngronggot, 4 org luka').conflictType).toBe(
      'antar_perguruan_silat',
    );
  });

  it('places an event where it happened, not where a group goes on to or came from', () => {
    const onward = read(
      'bus rombongan dilempari batu di tol Pasuruan, 2 org luka. rombongan lanjut ke Jember',
    );
    expect(onward.kabkotaCode).toBe('35.14');
    const origin = read(
      'warga asal Kecamatan Kencong, Jember, unjuk rasa di depan kantor Kabupaten Lumajang',
    );
    expect(origin.kabkotaCode).toBe('35.08');
  });

  it('reads a street named after a place as a street, and keeps the marked kecamatan', () => {
    const r = read('tawuran geng motor di Jalan Kenjeran, Kecamatan Bulak, Surabaya, 2 warga luka');
    expect(r.kabkotaCode).toBe('35.78');
    expect(g.byCode.get(r.kecamatanCode ?? '')?.name).toBe('Bulak');
  });
});

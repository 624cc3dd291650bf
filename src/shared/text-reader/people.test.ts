import { describe, expect, it } from 'vitest';
import type { VulnerableGroup } from '../reports/report-schema.ts';
import { makeDoc } from './doc.ts';
import { readGroups } from './people.ts';

/** A message and the groups of people at risk it must read. */
type Reading = readonly [text: string, groups: readonly VulnerableGroup[]];

const groups = (text: string) => readGroups(makeDoc(text)).map((g) => g.group);

/** Each pass over the reader, with each of its rules and the messages that show it. */
const PASSES: Record<string, Record<string, readonly Reading[]>> = {
  'a stated age after the noun for a person': {
    'makes a child or an elderly person, not when the person is the perpetrator': [
      ['seorang remaja 15 th yg sedang lewat terkena sabetan celurit', ['anak']],
      ['pelaku 2 remaja 15 tahun sdh diamankan', []],
    ],
    'reads the news words for the elderly and for aid recipients': [
      ['sejumlah warga lanjut usia tidak masuk daftar penerima beras', ['lansia']],
      ['ratusan keluarga penerima manfaat memprotes data yang salah', ['fakir_miskin']],
    ],
    'does not read paralysed traffic as a disabled person': [
      ['jalan diblokir sopir angkot, lalu lintas di pusat kota lumpuh tiga jam', []],
      ['seorang warga lumpuh terjebak di rumahnya', ['disabilitas']],
    ],
  },
  'who is at risk, fifth pass': {
    'does not count the people who provoke as people at risk': [
      ['anak2 geng motor nantang pemuda kampung sebelah lewat status WA', []],
      ['bocah2 smp ikut komen kasar di postingan itu', []],
      // a child hurt after being mocked is still a victim
      ['seorang bocah dipukul krn dikira ngejek rombongan', ['anak']],
    ],
    'does not count the people named in what someone is accused of': [
      ['sopir truk yg dituduh nabrak anak dikeroyok warga', []],
    ],
  },
  'who is at risk, news pass': {
    'does not count minors among the people the police arrested, in the clause or as a part after it': [
      ['polisi mengamankan sembilan pemuda, lima di antaranya masih di bawah umur', []],
      ['polisi mengamankan lima siswa SMP yang membawa celurit', []],
      // a part of a group that was hurt stays at risk
      ['sembilan warga terluka, dua di antaranya masih di bawah umur', ['anak']],
    ],
  },
};

for (const [pass, rules] of Object.entries(PASSES)) {
  describe(pass, () => {
    it.each(Object.entries(rules))('%s', (_rule, readings) => {
      for (const [text, expected] of readings) expect(groups(text), text).toEqual(expected);
    });
  });
}

describe('vulnerable groups, fourth pass', () => {
  it('counts a possessive child described as young, not a grown one', () => {
    expect(groups('rumahnya dirusak, ibu & dua anaknya yg masih kecil mengungsi ke rumah RT')).toContain(
      'anak',
    );
    expect(groups('rumahnya dirusak, ibu & anaknya yg sdh menikah mengungsi ke rumah RT')).not.toContain(
      'anak',
    );
  });
});

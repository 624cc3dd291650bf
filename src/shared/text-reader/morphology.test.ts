import { describe, expect, it } from 'vitest';
import { affixed, reciprocal } from './morphology.ts';

describe('affixed forms of a verb of violence', () => {
  it('follows the nasal rules of meN- and peN- and the Javanese forms', () => {
    const forms = (stem: string) => new Set(affixed([stem]));
    expect([...forms('pukul')]).toEqual(
      expect.arrayContaining(['dipukul', 'dipukuli', 'memukul', 'pemukulan', 'kepukul', 'mukul']),
    );
    expect([...forms('serang')]).toEqual(expect.arrayContaining(['menyerang', 'penyerangan', 'nyerang']));
    expect([...forms('keroyok')]).toEqual(expect.arrayContaining(['mengeroyok', 'pengeroyokan', 'ngeroyok']));
    expect([...forms('bakar')]).toEqual(
      expect.arrayContaining(['membakar', 'pembakaran', 'dibakar', 'kebakar']),
    );
    expect([...forms('lempar')]).toEqual(expect.arrayContaining(['melempar', 'pelemparan', 'dilempari']));
    expect([...forms('rusak')]).toEqual(expect.arrayContaining(['merusak', 'perusakan', 'pengrusakan']));
    expect([...forms('aniaya')]).toEqual(expect.arrayContaining(['menganiaya', 'penganiayaan']));
    expect([...forms('tusuk')]).toEqual(expect.arrayContaining(['menusuk', 'penusukan', 'tertusuk']));
  });

  it('finds "saling" before a bare stem', () => {
    const stems = new Set(['serang']);
    const tokens = ['pesilat', 'saling', 'serang'].map((norm) => ({ norm }));
    expect(reciprocal(tokens, 2, stems)).toBe(true);
    expect(reciprocal(tokens, 1, stems)).toBe(false);
    expect(reciprocal([{ norm: 'mau' }, { norm: 'serang' }], 1, stems)).toBe(false);
  });
});

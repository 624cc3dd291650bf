import { describe, expect, it } from 'vitest';
import { jatimGazetteer } from '../../server/modules/text-reader/gazetteer-load.ts';
import { readShortForm, resolveShortFormPlace } from './short-form.ts';

describe('the SMS short form LAPOR <desa> <jenis> <uraian>', () => {
  it('reads it forgiving of case and separators, with a desa of several words', () => {
    for (const text of [
      'LAPOR TANGGUL WETAN SILAT dua kelompok saling lempar batu',
      'lapor#tanggul wetan#silat#dua kelompok saling lempar batu',
      'Lapor*Tanggul Wetan*Silat*dua kelompok saling lempar batu',
      'lapor, tanggul wetan. silat: dua kelompok saling lempar batu',
    ]) {
      expect(readShortForm(text), text).toEqual({
        place: expect.stringMatching(/^tanggul wetan$/i),
        conflictType: 'antar_perguruan_silat',
        story: 'dua kelompok saling lempar batu',
      });
    }
  });

  it('leaves free text, and a LAPOR without a kind word, to the reader', () => {
    expect(readShortForm('Tawuran di desa Tanggul Wetan')).toBeNull();
    expect(readShortForm('laporan warga: ada tawuran')).toBeNull();
    expect(readShortForm('LAPOR tanggul wetan ada keributan')).toBeNull();
  });

  it('finds the desa, with one slip of spelling, narrowed to the sender’s kab/kota when several share a name', () => {
    const g = jatimGazetteer();
    expect(resolveShortFormPlace(g, 'Tanggul Wetan', null)?.code).toBe('35.09.06.2002');
    expect(resolveShortFormPlace(g, 'Tangul Wetan', null)?.code).toBe('35.09.06.2002');
    expect(resolveShortFormPlace(g, 'Sumberejo', null)).toBeUndefined();
    expect(resolveShortFormPlace(g, 'tidakadadesaini', null)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { risenHeadline } from './alert-rules.ts';
import { childText } from './level-model.ts';
import { levelName } from './level-names.ts';
import { LEVELS } from './levels.ts';

describe("the levels' names in the texts the server writes", () => {
  it('names each level as the office pages do, in Indonesian and English', () => {
    expect(LEVELS.map((level) => levelName(level))).toEqual(['Normal', 'Waspada', 'Siaga', 'Awas']);
    expect(levelName('siaga', 'en')).toBe('Alert (Siaga)');
  });

  it("uses them in a raised alert's headline and in why a kab/kota carries a kecamatan's level", () => {
    expect(risenHeadline('awas', 'Kecamatan Tanggul')).toBe(
      'Awas kerawanan konflik sosial: Kecamatan Tanggul',
    );
    expect(childText('Tanggul', 'waspada')).toEqual({
      text: 'tertinggi: Kecamatan Tanggul (Waspada)',
      textEn: 'highest: Kecamatan Tanggul (Watch (Waspada))',
    });
  });
});

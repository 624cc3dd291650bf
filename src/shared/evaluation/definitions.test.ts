import { describe, expect, it } from 'vitest';
import { t } from '../i18n.ts';
import '../messages/core-en.ts';
import { CONFLICT_TYPES, REPORT_KINDS } from '../reports/report-vocabulary.ts';
import { labelIn, labelOf } from './definitions.ts';

describe('the words the evaluation splits its figures by', () => {
  it('names report kinds, conflict types and case phases as the forms do, in both languages', () => {
    for (const type of CONFLICT_TYPES) {
      expect(labelOf(type)).toBe(t('id', `field.conflictType.${type}`));
      expect(labelIn(type, 'en')).toBe(t('en', `field.conflictType.${type}`));
    }
    for (const kind of REPORT_KINDS) expect(labelIn(kind, 'en')).toBe(t('en', `field.kind.${kind}`));
    expect(labelOf('sengketa_lahan_sda')).toBe('Sengketa lahan atau sumber daya alam');
    expect(labelIn('penghentian', 'en')).toBe('Cessation (penghentian)');
  });

  it('keeps its own words for outcomes and groups, and leaves an unknown key as the server named it', () => {
    expect(labelOf('closed_late')).toBe('Selesai terlambat');
    expect(labelIn('closed_late', 'en')).toBe('Closed late');
    expect(labelIn('35.09', 'en', 'Kabupaten Jember')).toBe('Kabupaten Jember');
    expect(labelOf('tak_dikenal')).toBe('tak_dikenal');
  });
});

import { describe, expect, it } from 'vitest';
import { t } from '../../shared/i18n.ts';
import { kindLabel, levelLabel } from './labels.ts';

const inIndonesian = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
  t('id', key, params);

describe('a code in words', () => {
  it('names a known code from the catalogue', () => {
    expect(kindLabel(inIndonesian, 'kejadian')).toBe('Kejadian');
  });

  it('shows a code the catalogue does not know (a newer server) as the code, not as a message key', () => {
    expect(kindLabel(inIndonesian, 'kabar_baru')).toBe('kabar_baru');
    expect(levelLabel(inIndonesian, 'nasional')).toBe('nasional');
  });
});

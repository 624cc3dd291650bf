import { describe, expect, it } from 'vitest';
import { t } from '../i18n.ts';
import './reader.ts';

describe('a table written side by side', () => {
  it('gives each message its Indonesian text in Indonesian and its English text in English', () => {
    expect(t('id', 'reader.apply')).toBe('Pakai saran ini');
    expect(t('en', 'reader.apply')).toBe('Use these suggestions');
    expect(t('en', 'reader.confidence', { percent: 80 })).toBe('confidence 80%');
    expect(t('id', 'reader.confidence', { percent: 80 })).toBe('keyakinan 80%');
  });
});

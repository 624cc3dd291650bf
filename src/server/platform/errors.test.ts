import { describe, expect, it } from 'vitest';
import { DomainError, foundOr } from './errors.ts';

describe('foundOr', () => {
  it('answers what a look-up found, even an empty record or list', () => {
    const alert = { id: 'a-1' };
    expect(foundOr(alert, 'Peringatan tidak ditemukan')).toBe(alert);
    expect(foundOr({}, 'Peringatan tidak ditemukan')).toEqual({});
    expect(foundOr([], 'Peringatan tidak ditemukan')).toEqual([]);
  });

  it('answers nothing found as a 404 with the message given', () => {
    for (const missing of [undefined, null]) {
      let refused: unknown;
      try {
        foundOr<{ id: string }>(missing, 'Peringatan tidak ditemukan');
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({
        code: 'not_found',
        status: 404,
        message: 'Peringatan tidak ditemukan',
      });
    }
  });
});

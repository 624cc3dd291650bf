import { describe, expect, it } from 'vitest';
import { withChanges } from './changes.ts';

describe('a partial edit', () => {
  it('replaces the fields it gives, a null among them, and keeps those it leaves out', () => {
    const current = {
      topic: 'Rapat',
      notes: 'lama',
      evaluation: { scope: 'provinsi' } as { scope: string } | null,
    };
    expect(withChanges(current, { notes: 'baru', evaluation: null })).toEqual({
      topic: 'Rapat',
      notes: 'baru',
      evaluation: null,
    });
    expect(withChanges(current, { topic: undefined })).toEqual(current);
    expect(current.notes).toBe('lama');
  });
});

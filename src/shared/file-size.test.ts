import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size.ts';

describe("a file's size in words", () => {
  it('counts whole KB rounded up below a mebibyte, and MB with one decimal from there, in each language', () => {
    expect(formatFileSize(1, 'id')).toBe('1 KB');
    expect(formatFileSize(1536, 'id')).toBe('2 KB');
    expect(formatFileSize(1_572_864, 'id')).toBe('1,5 MB');
    expect(formatFileSize(1_572_864, 'en')).toBe('1.5 MB');
  });
});

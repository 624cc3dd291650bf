import { describe, expect, it } from 'vitest';
import { canEditLesson, nextLessonStatus } from './lesson-schema.ts';

describe('the way of a lesson', () => {
  it('goes from draft to submitted to published, and back to draft when returned', () => {
    expect(nextLessonStatus('draf', 'submit')).toBe('diajukan');
    expect(nextLessonStatus('diajukan', 'publish')).toBe('terbit');
    expect(nextLessonStatus('diajukan', 'return')).toBe('draf');
    expect(nextLessonStatus('draf', 'publish')).toBe('terbit');
  });

  it('refuses moves from the wrong status, and edits once published', () => {
    expect(nextLessonStatus('terbit', 'submit')).toBeUndefined();
    expect(nextLessonStatus('terbit', 'return')).toBeUndefined();
    expect(nextLessonStatus('draf', 'return')).toBeUndefined();
    expect(canEditLesson('terbit')).toBe(false);
    expect(canEditLesson('diajukan')).toBe(true);
  });
});

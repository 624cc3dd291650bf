import { describe, expect, it } from 'vitest';
import { can } from '../permissions/index.ts';
import { canReviewLesson } from './lesson-rules.ts';
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

describe('who writes and who reviews a lesson', () => {
  it('lets operators, coordinators and the province write; never a field volunteer or a partner', () => {
    expect(can('operator', 'lesson.write')).toBe(true);
    expect(can('koordinator', 'lesson.write')).toBe(true);
    expect(can('relawan', 'lesson.write')).toBe(false);
    expect(can('mitra', 'lesson.write')).toBe(false);
  });

  it('lets a koordinator or the province review, but never the author their own lesson', () => {
    expect(canReviewLesson('koordinator', false)).toBe(true);
    expect(canReviewLesson('provinsi', false)).toBe(true);
    expect(canReviewLesson('koordinator', true)).toBe(false);
    expect(canReviewLesson('operator', false)).toBe(false);
  });
});

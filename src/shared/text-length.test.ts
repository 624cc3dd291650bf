import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fitsLength, isTooShort, lengthAttributes } from './text-length.ts';
import { within } from './text-length-schema.ts';

describe('a text length, read by a form and by a schema', () => {
  const title = { min: 3, max: 200 };
  const note = { max: 500 };

  it('gives a form field the same bounds, and no minimum where the text has none', () => {
    expect(lengthAttributes(title)).toEqual({ minLength: 3, maxLength: 200 });
    expect(lengthAttributes(note)).toEqual({ maxLength: 500 });
  });

  it('calls a text too short as the server would, after trimming', () => {
    expect(isTooShort('  ab  ', title)).toBe(true);
    expect(isTooShort(' abc ', title)).toBe(false);
    expect(isTooShort('', note)).toBe(false);
  });

  it('calls a text fitting when it is neither too short nor too long, after trimming', () => {
    expect(fitsLength(' abc ', title)).toBe(true);
    expect(fitsLength('  ab  ', title)).toBe(false);
    expect(fitsLength(` ${'x'.repeat(200)} `, title)).toBe(true);
    expect(fitsLength('x'.repeat(201), title)).toBe(false);
    expect(fitsLength('', note)).toBe(true);
  });

  it('holds a schema to the same bounds', () => {
    const schema = within(z.string().trim(), title);
    expect(schema.safeParse('  ab ').success).toBe(false);
    expect(schema.parse(' abc ')).toBe('abc');
    expect(schema.safeParse('x'.repeat(201)).success).toBe(false);
    expect(within(z.string(), note).safeParse('').success).toBe(true);
  });
});

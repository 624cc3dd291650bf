// The schema side of text-length.ts: a string schema held to a text's length.
import type { z } from 'zod';
import type { TextLength } from './text-length.ts';

/** `schema` (e.g. `z.string().trim()`) with the length's minimum, when it has one, and its maximum. */
export function within(schema: z.ZodString, length: TextLength): z.ZodString {
  return (length.min === undefined ? schema : schema.min(length.min)).max(length.max);
}

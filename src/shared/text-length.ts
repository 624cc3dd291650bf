// How long a text a person writes may be, as plain numbers: the zod schemas are built from these
// (text-length-schema.ts) and the forms give their fields the same bounds without loading zod.

/** At least `min` characters once trimmed (none when absent), at most `max`. */
export type TextLength = { readonly min?: number; readonly max: number };

/** A form field's `minLength` and `maxLength` for a text of this length. */
export function lengthAttributes(length: TextLength): { minLength?: number; maxLength: number } {
  return length.min === undefined
    ? { maxLength: length.max }
    : { minLength: length.min, maxLength: length.max };
}

/** Whether a text is still shorter than its length allows, trimmed as the server reads it. */
export function isTooShort(text: string, length: TextLength): boolean {
  return text.trim().length < (length.min ?? 0);
}

/** Whether a text, trimmed as the server reads it, is neither shorter nor longer than its length allows. */
export function fitsLength(text: string, length: TextLength): boolean {
  return !isTooShort(text, length) && text.trim().length <= length.max;
}

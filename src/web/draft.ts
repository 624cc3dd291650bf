// One form's text fields kept as one draft: each field is bound by its key, and the whole form empties at once.
import { useState } from 'preact/hooks';
import { isTooShort, lengthAttributes, type TextLength } from '../shared/text-length.ts';

/** What `field(key)` gives a text field: its value, its change and its bounds when the form has them. */
type TextField = { value: string; onInput: (value: string) => void; minLength?: number; maxLength?: number };

export type TextKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D];

/**
 * The draft of a form that starts as `empty`: `field(key)` gives a text field its value, its change and, for a text
 * named in `lengths`, its `minLength` and `maxLength`; `isTooShort` says whether one of those texts is still shorter
 * than it may be (send stays off); `set(key, value)` changes any other part, and `reset()` brings the form back to
 * `empty` after it was sent.
 */
export function useDraft<D extends object>(empty: D, lengths: Partial<Record<TextKeys<D>, TextLength>> = {}) {
  const [draft, setDraft] = useState<D>(empty);
  const set = <K extends keyof D>(key: K, value: D[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const limits = Object.entries(lengths) as [TextKeys<D>, TextLength][];
  return {
    draft,
    set,
    field: (key: TextKeys<D>): TextField => {
      const length = lengths[key];
      return {
        value: draft[key] as string,
        onInput: (value: string) => set(key, value as D[typeof key]),
        ...(length && lengthAttributes(length)),
      };
    },
    isTooShort: limits.some(([key, length]) => isTooShort(draft[key] as string, length)),
    reset: () => setDraft(empty),
  };
}

/** A text as the API takes an optional one: trimmed, or null when nothing is left. */
export function textOrNull(text: string): string | null {
  return text.trim() || null;
}

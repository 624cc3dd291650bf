// One form's text fields kept as one draft: each field is bound by its key, and the whole form empties at once.
import { useState } from 'preact/hooks';

type TextKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D];

/**
 * The draft of a form that starts as `empty`: `field(key)` gives a text field its value and its change,
 * `set(key, value)` changes any other part, and `reset()` brings the form back to `empty` after it was sent.
 */
export function useDraft<D extends object>(empty: D) {
  const [draft, setDraft] = useState<D>(empty);
  const set = <K extends keyof D>(key: K, value: D[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  return {
    draft,
    set,
    field: (key: TextKeys<D>) => ({
      value: draft[key] as string,
      onInput: (value: string) => set(key, value as D[typeof key]),
    }),
    reset: () => setDraft(empty),
  };
}

/** A text as the API takes an optional one: trimmed, or null when nothing is left. */
export function textOrNull(text: string): string | null {
  return text.trim() || null;
}

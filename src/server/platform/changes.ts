// A partial edit: the fields a request names replace the record's, the others stay as they were.

/** `current` with each field `changes` gives; a field left out (undefined) keeps its value, a null replaces it. */
export function withChanges<T extends object>(current: T, changes: Partial<T>): T {
  const next = { ...current };
  for (const key of Object.keys(changes) as (keyof T)[]) {
    const value = changes[key];
    if (value !== undefined) next[key] = value as T[keyof T];
  }
  return next;
}

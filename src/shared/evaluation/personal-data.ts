// Finds text that looks like personal data in a lesson before it is published (UU 27/2022): a NIK, a phone
// number, or the name of a child recorded in a linked case. A warning, not a verdict: a reviewer may confirm.

/** What kind of personal data a passage looks like. */
export type PersonalDataKind = 'nik' | 'phone' | 'child_name';

/** One passage that looks like personal data: which field, what kind, and the matched text. */
export type PersonalDataWarning = { field: string; kind: PersonalDataKind; match: string };

// 16 digits, alone or grouped 6-6-4 / 2-2-2-6-4 with spaces, dots or dashes (as NIKs are written on forms).
const NIK = /(?<![\d])(?:\d[ .-]?){15}\d(?![\d])/g;
// Indonesian mobile numbers: 08…, 628…, +62 8…, with optional separators; 10 to 14 digits in all.
const PHONE = /(?<![\d+])(?:\+62|62|0)[ .-]?8\d(?:[ .-]?\d){7,11}(?![\d])/g;
// Fixed lines with an area code in brackets or 0xxx-xxxxxx: (0331) 487 123, 0331-487123.
const LANDLINE = /(?<![\d])(?:\(0\d{2,3}\)[ .-]?|0\d{2,3}[ -])\d{3,4}[ .-]?\d{3,4}(?![\d])/g;

const MIN_NAME_PART = 4;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The parts of a name worth looking for: the whole name and each word of at least four letters. */
export function namePatterns(fullName: string): string[] {
  const clean = fullName.trim().replace(/\s+/g, ' ');
  if (clean.length === 0) return [];
  const parts = clean.split(' ').filter((part) => part.replace(/[^\p{L}]/gu, '').length >= MIN_NAME_PART);
  return [...new Set([clean, ...parts])];
}

/** Warnings for one text field. `childNames` are the names of children recorded in the linked cases. */
export function findPersonalDataIn(
  field: string,
  text: string,
  childNames: readonly string[] = [],
): PersonalDataWarning[] {
  const warnings: PersonalDataWarning[] = [];
  const seen = new Set<string>();
  const add = (kind: PersonalDataKind, match: string) => {
    const key = `${kind}:${match.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    warnings.push({ field, kind, match });
  };
  for (const match of text.matchAll(NIK)) {
    if (digitsOf(match[0]).length === 16) add('nik', match[0].trim());
  }
  for (const match of text.matchAll(PHONE)) {
    const digits = digitsOf(match[0]).length;
    if (digits >= 10 && digits <= 14 && !/^\d{16}$/.test(digitsOf(match[0]))) add('phone', match[0].trim());
  }
  for (const match of text.matchAll(LANDLINE)) add('phone', match[0].trim());
  for (const name of childNames) {
    for (const pattern of namePatterns(name)) {
      const found = new RegExp(`(?<![\\p{L}])${escapeRegExp(pattern)}(?![\\p{L}])`, 'iu').exec(text);
      if (found) add('child_name', found[0]);
    }
  }
  return warnings;
}

/** Warnings for every field of a lesson, in field order. */
export function findPersonalData(
  fields: Readonly<Record<string, string | readonly string[]>>,
  childNames: readonly string[] = [],
): PersonalDataWarning[] {
  return Object.entries(fields).flatMap(([field, value]) =>
    findPersonalDataIn(field, Array.isArray(value) ? value.join(' ') : (value as string), childNames),
  );
}

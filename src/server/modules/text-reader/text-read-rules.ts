import { COMPARED_FIELDS, type TextReadSuggestion } from '../../../shared/text-reader/text-read-schema.ts';

/** A report as filed, in the reader's terms: a count the reader left empty compares as zero. */
export type ChosenFields = TextReadSuggestion;

function same(field: (typeof COMPARED_FIELDS)[number], a: TextReadSuggestion, b: ChosenFields): boolean {
  if (field === 'vulnerableGroups')
    return [...a.vulnerableGroups].sort().join() === [...b.vulnerableGroups].sort().join();
  if (field === 'injured' || field === 'dead' || field === 'displaced')
    return (a[field] ?? 0) === (b[field] ?? 0);
  return a[field] === b[field];
}

/** The fields where the person kept what the reader suggested. */
export function agreedFields(suggested: TextReadSuggestion, chosen: ChosenFields): string[] {
  return COMPARED_FIELDS.filter((field) => same(field, suggested, chosen));
}

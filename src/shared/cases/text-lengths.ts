// How long a case's own written texts and those of its work (assignments, dispositions, follow-ups) may be: the
// schemas (case-schema.ts) and the forms' fields read the same numbers. Closing's texts are in closing-rules.ts, a
// named person's and a referral's in people-rules.ts.
import type { TextLength } from '../text-length.ts';

export const CASE_TEXT = {
  title: { min: 3, max: 200 },
  summary: { max: 10_000 },
  task: { max: 500 },
  instruction: { min: 5, max: 2000 },
  answer: { min: 3, max: 5000 },
  followUpAction: { min: 3, max: 5000 },
} as const satisfies Record<string, TextLength>;

// How long the early warning's written texts may be: the schemas (early-warning-schema.ts) and the forms' fields
// read the same numbers.
import type { TextLength } from '../text-length.ts';

export const EW_TEXT = {
  alertHeadline: { min: 5, max: 200 },
  alertDescription: { max: 5000 },
  alertAction: { min: 3, max: 2000 },
  alertCloseNote: { min: 3, max: 5000 },
  publicHeadline: { min: 5, max: 200 },
  publicDescription: { min: 5, max: 2000 },
  overrideNote: { max: 500 },
  eventTitle: { min: 3, max: 200 },
  eventDescription: { max: 5000 },
  reviewSummary: { min: 3, max: 5000 },
  reviewLessons: { max: 5000 },
  groupName: { min: 2, max: 200 },
  groupShortName: { min: 2, max: 40 },
  groupDescription: { max: 2000 },
  branchName: { min: 2, max: 200 },
  branchContactName: { min: 2, max: 200 },
  branchAddress: { max: 500 },
  rivalryNote: { max: 2000 },
  agreementTitle: { min: 3, max: 200 },
  agreementPlace: { min: 2, max: 300 },
  agreementBody: { max: 20_000 },
  breachNote: { max: 2000 },
  webhookSecret: { min: 16, max: 200 },
  webhookDescription: { max: 500 },
} as const satisfies Record<string, TextLength>;

// The words of the provocation watch as plain constant lists. Zod-free on purpose: the web bundle imports these
// (through provocation-rules.ts) without the schema library.
import type { TextLength } from '../text-length.ts';

/** The choices, in the order forms show them; the schemas are built from these. */
export const ASSESSMENTS = ['provokasi', 'hoaks', 'ujaran_kebencian', 'ancaman', 'bukan_masalah'] as const;
export const PLATFORMS = ['whatsapp', 'facebook', 'tiktok', 'instagram', 'x', 'youtube', 'lainnya'] as const;
export const OUTCOMES = ['beredar', 'diturunkan', 'diklarifikasi'] as const;
export const CARRIERS = [
  'tokoh_agama',
  'tokoh_masyarakat',
  'pengurus_perguruan',
  'polisi',
  'diskominfo',
  'lainnya',
] as const;

/** How long the watch's written texts may be: the schemas and the forms' fields read the same numbers. */
export const PROVOCATION_TEXT = {
  assessmentNote: { max: 2000 },
  counterBody: { min: 10, max: 4000 },
  carrierName: { max: 200 },
  takedownInstruction: { min: 10, max: 2000 },
} as const satisfies Record<string, TextLength>;

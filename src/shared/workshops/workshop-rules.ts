// Workshops without a schema library: the vocabularies, who runs them, the files they keep, and the types of
// what the API answers. Used by the server and by the web (zod-free at run time so the web bundle stays small).
import type { z } from 'zod';
import type { TextLength } from '../text-length.ts';
import type {
  WorkshopActionItemReply,
  WorkshopActionReply,
  WorkshopMaterialReply,
  WorkshopParticipantReply,
  WorkshopReply,
  WorkshopRoutineReply,
  WorkshopSummaryReply,
  WorkshopViewReply,
} from './workshop-replies.ts';

export const WORKSHOP_STATUSES = ['direncanakan', 'terlaksana', 'batal'] as const;
export type WorkshopStatusCode = (typeof WORKSHOP_STATUSES)[number];

export const ATTENDANCES = ['diundang', 'hadir', 'tidak_hadir'] as const;
export type AttendanceCode = (typeof ATTENDANCES)[number];

export const ACTION_STATUSES = ['terbuka', 'selesai', 'batal'] as const;
export type ActionStatusCode = (typeof ACTION_STATUSES)[number];

/**
 * How long a workshop's texts may be, named as its fields (and a facilitator's name each, an action item's texts):
 * the schemas (workshop-schema.ts) and the forms' fields read the same numbers.
 */
export const WORKSHOP_TEXT = {
  topic: { min: 5, max: 300 },
  place: { min: 3, max: 300 },
  facilitator: { min: 2, max: 200 },
  notes: { max: 5000 },
  actionDescription: { min: 5, max: 2000 },
  actionOwnerName: { min: 2, max: 200 },
  actionNote: { max: 2000 },
} as const satisfies Record<string, TextLength>;

/** Files a workshop keeps as materials, and their largest size. */
export const MATERIAL_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
] as const;
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

const MATERIAL_EXTENSIONS: Record<string, (typeof MATERIAL_TYPES)[number]> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The content type a material is sent with, by its file name; undefined when it is not a kept kind. */
export function materialTypeOf(fileName: string): (typeof MATERIAL_TYPES)[number] | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension ? MATERIAL_EXTENSIONS[extension] : undefined;
}

// ── What the API answers (the zod schemas of workshop-replies.ts; types only here) ───────────────────

export type Workshop = z.infer<typeof WorkshopReply>;
export type WorkshopSummary = z.infer<typeof WorkshopSummaryReply>;
export type WorkshopParticipant = z.infer<typeof WorkshopParticipantReply>;
export type WorkshopMaterial = z.infer<typeof WorkshopMaterialReply>;
export type WorkshopAction = z.infer<typeof WorkshopActionReply>;
export type WorkshopActionItem = z.infer<typeof WorkshopActionItemReply>;
export type WorkshopView = z.infer<typeof WorkshopViewReply>;
export type WorkshopRoutine = z.infer<typeof WorkshopRoutineReply>;

// Workshops without a schema library: the vocabularies, who runs them, the files they keep, and what the
// API answers. Used by the server and by the web (zod-free so the web bundle stays small).

export const WORKSHOP_STATUSES = ['direncanakan', 'terlaksana', 'batal'] as const;
export type WorkshopStatusCode = (typeof WORKSHOP_STATUSES)[number];

export const ATTENDANCES = ['diundang', 'hadir', 'tidak_hadir'] as const;
export type AttendanceCode = (typeof ATTENDANCES)[number];

export const ACTION_STATUSES = ['terbuka', 'selesai', 'batal'] as const;
export type ActionStatusCode = (typeof ACTION_STATUSES)[number];

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

// ── What the API answers ──────────────────────────────────────────────────────────────────────

/** A workshop as stored: its area (a Bakorwil or a kab/kota), plan, status and linked evaluation. */
export type Workshop = {
  id: string;
  topic: string;
  startsAt: string;
  place: string;
  bakorwilId: string | null;
  kabkotaCode: string | null;
  areaName: string;
  facilitators: string[];
  status: WorkshopStatusCode;
  notes: string;
  evaluation: { scope: string; from: string; to: string } | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** A workshop in the list, with how many were invited and came, and its action items still open. */
export type WorkshopSummary = Workshop & {
  participantCount: number;
  attendedCount: number;
  openActionCount: number;
  overdueActionCount: number;
};

/** An invited person: a user or a pillar of the registry. */
export type WorkshopParticipant = {
  id: string;
  userId: string | null;
  pillarId: string | null;
  name: string;
  /** The user's role or the pillar's type. */
  roleLabel: string;
  kabkotaCode: string | null;
  attendance: AttendanceCode;
  attendanceAt: string | null;
};

export type WorkshopMaterial = {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  createdAt: string;
};

/** An outcome of a workshop: who does what by when, tracked until done. */
export type WorkshopAction = {
  id: string;
  workshopId: string;
  description: string;
  ownerUserId: string | null;
  ownerName: string;
  dueOn: string;
  status: ActionStatusCode;
  doneNote: string | null;
  doneAt: string | null;
  isOverdue: boolean;
};

/** An action item with the workshop it came from (the list of one's own items). */
export type WorkshopActionItem = WorkshopAction & { workshopTopic: string; workshopStartsAt: string };

/** One workshop with everything on its page. */
export type WorkshopView = Workshop & {
  /** The summary of the evaluation the workshop discusses, when one is linked. */
  evaluationLink: string | null;
  participants: WorkshopParticipant[];
  materials: WorkshopMaterial[];
  actions: WorkshopAction[];
  /** Whether the viewer runs it (edits, invites, records attendance, adds materials and actions). */
  canManage: boolean;
};

/**
 * The quarterly routine of each Bakorwil the viewer's scope touches: the workshops (not cancelled) planned or
 * held this quarter, and the reminder sent when the last quarter went without one.
 */
export type WorkshopRoutine = {
  quarter: { from: string; to: string };
  previousQuarter: { from: string; to: string };
  areas: {
    bakorwilId: string;
    name: string;
    workshopsThisQuarter: number;
    canPlan: boolean;
    reminder: { quarter: string; sentAt: string } | null;
  }[];
};

// The calls of the Workshop and Praktik baik pages. Types come from the shared rules (zod-free), so no schema
// library reaches the browser.
import type {
  Lesson,
  LessonList,
  LessonStatus,
  LessonView,
  LessonWriting,
} from '../../shared/lessons/lesson-rules.ts';
import type {
  AttendanceCode,
  WorkshopAction,
  WorkshopActionItem,
  WorkshopMaterial,
  WorkshopRoutine,
  WorkshopSummary,
  WorkshopView,
} from '../../shared/workshops/workshop-rules.ts';
import type { Invitation, WorkshopChanges, WorkshopPlan } from '../../shared/workshops/workshop-schema.ts';
import { type Items, queryOf, request } from '../api.ts';

export type { Invitation, WorkshopChanges, WorkshopPlan };

// Workshops

export const listWorkshops = () => request<Items<WorkshopSummary>>('GET', '/api/workshops?limit=100');
export const getRoutine = () => request<WorkshopRoutine>('GET', '/api/workshops/routine');
export const getWorkshop = (id: string) => request<WorkshopView>('GET', `/api/workshops/${id}`);
export const planWorkshop = (plan: WorkshopPlan) => request<WorkshopView>('POST', '/api/workshops', plan);
export const editWorkshop = (id: string, changes: WorkshopChanges) =>
  request<WorkshopView>('PATCH', `/api/workshops/${id}`, changes);
export const inviteParticipants = (id: string, invitation: Invitation) =>
  request<WorkshopView>('POST', `/api/workshops/${id}/participants`, invitation);
export const recordAttendance = (id: string, participantId: string, attendance: AttendanceCode) =>
  request<WorkshopView>('PUT', `/api/workshops/${id}/participants/${participantId}/attendance`, {
    attendance,
  });
export const uploadMaterial = (id: string, file: Blob, name: string) =>
  request<Pick<WorkshopMaterial, 'id' | 'fileName' | 'byteSize'>>(
    'POST',
    `/api/workshops/${id}/materials${queryOf({ name })}`,
    file,
  );
/** The download address of a material (a plain link: the session cookie goes with it). */
export const materialHref = (workshopId: string, materialId: string) =>
  `/api/workshops/${workshopId}/materials/${materialId}`;
export const addAction = (
  id: string,
  action: { description: string; ownerUserId?: string; ownerName?: string; dueOn: string },
) => request<WorkshopAction>('POST', `/api/workshops/${id}/actions`, action);
export const listMyActions = () =>
  request<Items<WorkshopActionItem>>('GET', '/api/workshop-actions?mine=true&open=true');
export const closeAction = (id: string, body: { status: 'selesai' | 'batal'; note: string }) =>
  request<WorkshopAction>('POST', `/api/workshop-actions/${id}/done`, body);

// Lessons

/** What the write and edit forms send: the writer's fields and the linked cases. */
export type LessonDraft = LessonWriting & Pick<Lesson, 'caseIds'>;

export type LessonQuery = {
  q?: string;
  status?: LessonStatus;
  mine?: boolean;
  type?: string;
  region?: string;
  tag?: string;
  limit?: number;
};

export const listLessons = (query: LessonQuery) =>
  request<LessonList>('GET', `/api/lessons${queryOf(query)}`);
export const listLessonTags = () =>
  request<Items<{ tag: string; count: number }>>('GET', '/api/lessons/tags');
export const getLesson = (id: string) => request<LessonView>('GET', `/api/lessons/${id}`);
export const createLesson = (draft: LessonDraft) => request<LessonView>('POST', '/api/lessons', draft);
export const editLesson = (id: string, changes: Partial<LessonDraft> & { version: number }) =>
  request<LessonView>('PATCH', `/api/lessons/${id}`, changes);
export const submitLesson = (id: string) => request<LessonView>('POST', `/api/lessons/${id}/submit`);
export const publishLesson = (id: string, confirmPersonalData: boolean) =>
  request<LessonView>('POST', `/api/lessons/${id}/publish`, { confirmPersonalData });
export const returnLesson = (id: string, note: string) =>
  request<LessonView>('POST', `/api/lessons/${id}/return`, { note });

/** The cases the user sees in a region (to link a lesson to the cases it was learned from). */
export const listCasesIn = (region: string) =>
  request<Items<{ id: string; title: string; kabkotaCode: string; createdAt: string }>>(
    'GET',
    `/api/cases${queryOf({ region, limit: 200 })}`,
  );

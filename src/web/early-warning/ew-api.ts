// The calls of the early-warning pages: levels, alerts, the register of groups, the calendar and webhooks.
// Types only come from the shared schemas (`import type` is erased), so no schema library reaches the browser:
// a request body is the type its shared schema hands the server (`Body<typeof Schema>`). The event kinds come
// from calendar.ts, which holds no schema.
import type { z } from 'zod';
import type { ChecklistKey } from '../../shared/early-warning/alert-rules.ts';
import {
  ONE_OFF_EVENT_KINDS,
  type RecurringAnchor,
  type RecurringEvent,
} from '../../shared/early-warning/calendar.ts';
import type {
  Agreement,
  Branch,
  CalendarEvent,
  CalendarReply,
  ChecklistItem,
  CreatedWebhook,
  Delivery,
  EventDetail,
  EventKind,
  EventReview,
  Group,
  GroupDetail,
  Intensity,
  LevelDetail,
  RecomputeResult,
  Rivalry,
  Webhook,
} from '../../shared/early-warning/early-warning-replies.ts';
import type {
  AgreementInput,
  AlertActionInput,
  AlertDetail,
  AlertInput,
  AlertView,
  BranchInput,
  BreachInput,
  EventInput,
  GroupInput,
  GroupKind,
  LevelItem,
  OverrideInput,
  PublicTextInput,
  RivalryInput,
  WebhookInput,
} from '../../shared/early-warning/early-warning-schema.ts';
import type {
  AlertLevel,
  EarlyWarningSettings,
  Factor,
  Level,
} from '../../shared/early-warning/level-model.ts';
import { type Items, queryOf, request } from '../api.ts';

/** What a shared schema hands the server once read: the body a call sends. */
type Body<Schema extends z.ZodType> = z.output<Schema>;

export type {
  Agreement,
  AlertDetail,
  AlertLevel,
  AlertView,
  Branch,
  CalendarEvent,
  ChecklistItem,
  Delivery,
  EarlyWarningSettings,
  EventDetail,
  EventKind,
  EventReview,
  Factor,
  Group,
  GroupDetail,
  GroupKind,
  Intensity,
  Level,
  LevelDetail,
  LevelItem,
  RecomputeResult,
  RecurringAnchor,
  RecurringEvent,
  Rivalry,
  Webhook,
};

// ── Levels ──────────────────────────────────────────────────────────────────────────────────────

export const listLevels = (parent: string) =>
  request<Items<LevelItem>>('GET', `/api/early-warning/levels${queryOf({ parent })}`);
export const getLevelDetail = (code: string) =>
  request<LevelDetail>('GET', `/api/early-warning/levels/${code}`);
export const recomputeLevels = () => request<RecomputeResult>('POST', '/api/early-warning/recompute');

/** The level model's thresholds and parameters (staff read them; only the admin saves). */
export const getSettings = () => request<EarlyWarningSettings>('GET', '/api/early-warning/settings');
/** Replaces every setting: keys left out would fall back to their defaults, so the whole set is sent. */
export const saveSettings = (settings: EarlyWarningSettings) =>
  request<EarlyWarningSettings>('PUT', '/api/early-warning/settings', settings);

// ── Alerts ──────────────────────────────────────────────────────────────────────────────────────

/** The Atom feed of open alerts in the reader's scope. */
export const ALERT_FEED_URL = '/api/alerts/feed.xml';

export const listAlerts = (params: { open?: boolean; limit?: number }) =>
  request<Items<AlertView>>(
    'GET',
    `/api/alerts${queryOf({ open: params.open ? 'true' : undefined, limit: params.limit })}`,
  );
export const getAlert = (id: string) => request<AlertDetail>('GET', `/api/alerts/${id}`);
export const raiseAlert = (body: AlertInput) => request<AlertView>('POST', '/api/alerts', body);
export const acknowledgeAlert = (id: string) =>
  request<AlertView>('POST', `/api/alerts/${id}/acknowledgement`);
export const addAlertAction = (id: string, body: Body<typeof AlertActionInput>) =>
  request<AlertView>('POST', `/api/alerts/${id}/actions`, body);
export const closeAlert = (id: string, note: string) =>
  request<AlertView>('POST', `/api/alerts/${id}/close`, { note });
export const approvePublicText = (id: string, body: Body<typeof PublicTextInput>) =>
  request<AlertView>('PUT', `/api/alerts/${id}/public-text`, body);

// ── Register of actor groups ────────────────────────────────────────────────────────────────────

export const GROUP_KINDS: readonly GroupKind[] = ['perguruan_silat', 'suporter', 'ormas', 'lainnya'];

export const listGroups = (params: { all?: boolean }) =>
  request<Items<Group>>('GET', `/api/actor-groups${queryOf({ all: params.all ? 'true' : undefined })}`);
export const getGroup = (id: string) => request<GroupDetail>('GET', `/api/actor-groups/${id}`);
export const createGroup = (body: Body<typeof GroupInput>) =>
  request<Group>('POST', '/api/actor-groups', body);
export const setGroupActive = (id: string, isActive: boolean) =>
  request<Group>('PATCH', `/api/actor-groups/${id}`, { isActive });
export const addBranch = (groupId: string, body: Body<typeof BranchInput>) =>
  request<Branch>('POST', `/api/actor-groups/${groupId}/branches`, body);
/** One branch; whole contact for those who may see it (the server logs the view). */
export const getBranch = (id: string) => request<Branch>('GET', `/api/actor-groups/branches/${id}`);
export const listRivalries = () => request<Items<Rivalry>>('GET', '/api/actor-groups/rivalries');
export const saveRivalry = (body: Body<typeof RivalryInput>) =>
  request<Rivalry>('PUT', '/api/actor-groups/rivalries', body);
export const createAgreement = (body: Body<typeof AgreementInput>) =>
  request<Agreement>('POST', '/api/peace-agreements', body);
export const uploadAgreementDocument = (id: string, file: Blob) =>
  request<Agreement>('PUT', `/api/peace-agreements/${id}/document`, file);
export const agreementDocumentUrl = (id: string) => `/api/peace-agreements/${id}/document`;
export const addBreach = (id: string, body: Body<typeof BreachInput>) =>
  request<Agreement>('POST', `/api/peace-agreements/${id}/breaches`, body);

// ── Calendar ────────────────────────────────────────────────────────────────────────────────────

export const EVENT_KINDS: readonly EventKind[] = ONE_OFF_EVENT_KINDS;

export const getCalendar = (params: { from: string; to: string; region?: string }) =>
  request<CalendarReply>('GET', `/api/early-warning/calendar${queryOf(params)}`);
export const getEvent = (id: string) => request<EventDetail>('GET', `/api/early-warning/events/${id}`);
export const createEvent = (body: Body<typeof EventInput>) =>
  request<EventDetail>('POST', '/api/early-warning/events', body);
export const saveChecklist = (
  id: string,
  body: { version: number; items: { key: ChecklistKey; isDone: boolean; note?: string }[] },
) => request<EventDetail>('PUT', `/api/early-warning/events/${id}/checklist`, body);
export const saveReview = (id: string, body: EventReview) =>
  request<EventDetail>('PUT', `/api/early-warning/events/${id}/review`, body);
export const cancelEvent = (id: string) =>
  request<EventDetail>('POST', `/api/early-warning/events/${id}/cancel`);

/** The government's date for 1 Suro or Idul Fitri of a Hijri year (admin); answers that year's recurring dates. */
export const setCalendarOverride = (
  anchor: RecurringAnchor,
  hijriYear: number,
  body: Body<typeof OverrideInput>,
) =>
  request<Items<RecurringEvent>>('PUT', `/api/early-warning/calendar/overrides/${anchor}/${hijriYear}`, body);
/** Back to the computed date (admin). */
export const removeCalendarOverride = (anchor: RecurringAnchor, hijriYear: number) =>
  request<void>('DELETE', `/api/early-warning/calendar/overrides/${anchor}/${hijriYear}`);

// ── Webhooks (admin) ────────────────────────────────────────────────────────────────────────────

export const listWebhooks = () => request<Items<Webhook>>('GET', '/api/webhooks');
export const createWebhook = (body: Body<typeof WebhookInput>) =>
  request<CreatedWebhook>('POST', '/api/webhooks', body);
export const updateWebhook = (id: string, change: { isActive?: boolean; secret?: string }) =>
  request<Webhook>('PATCH', `/api/webhooks/${id}`, change);
export const listDeliveries = (id: string) =>
  request<Items<Delivery>>('GET', `/api/webhooks/${id}/deliveries${queryOf({ limit: 50 })}`);

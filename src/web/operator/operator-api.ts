// The calls the operator, coordinator, province, partner and admin pages make. Types only come from the
// shared schemas (`import type` is erased), so no schema library reaches the browser.
import type { CaseView } from '../../shared/cases/case-schema.ts';
import type {
  AssignmentReply,
  DispatchSuggestionReply,
  DispositionReply,
  TimelineEntryReply,
} from '../../shared/cases/case-work-replies.ts';
import type { Handover, OpenItems } from '../../shared/cases/closing-rules.ts';
import type {
  PersonInput,
  ReferralInput,
  ReferralUpdate,
  ReferralView,
  VulnerablePersonView,
  VulnerableSummary,
} from '../../shared/cases/people-schema.ts';
import type { LevelItem } from '../../shared/early-warning/early-warning-schema.ts';
import type { CoverageReply, CoverageTarget } from '../../shared/pillars/coverage.ts';
import type { ListItem, Pillar } from '../../shared/pillars/pillar-schema.ts';
import type { Bakorwil, Region } from '../../shared/regions.ts';
import type { DuplicateSuggestionReply, Report } from '../../shared/reports/report-schema.ts';
import type { Agency, SlaRow } from '../../shared/settings/settings-schema.ts';
import type { StatsOverview } from '../../shared/stats/stats-schema.ts';
import type { Access, Role, UserView } from '../../shared/users.ts';
import { type Items, queryOf, request } from '../api.ts';

export type {
  Agency,
  Bakorwil,
  CaseView,
  CoverageReply,
  CoverageTarget,
  ListItem,
  Pillar,
  Report,
  SlaRow,
  StatsOverview,
  UserView,
};

// Reports

export type DuplicateSuggestion = DuplicateSuggestionReply;

export const listReports = (params: { status?: string; limit?: number; region?: string }) =>
  request<{ items: Report[]; nextCursor: string | null }>('GET', `/api/reports${queryOf(params)}`);
export const getReport = (id: string) => request<Report>('GET', `/api/reports/${id}`);
export const listDuplicates = (id: string) =>
  request<Items<DuplicateSuggestion>>('GET', `/api/reports/${id}/duplicates`);
export const acknowledgeReport = (id: string) =>
  request<Report>('POST', `/api/reports/${id}/acknowledgement`);
export const verifyReport = (
  id: string,
  body: { status: 'terverifikasi' | 'ditolak' | 'duplikat'; reason?: string; duplicateOf?: string },
) => request<Report>('POST', `/api/reports/${id}/verification`, body);

/** Amends a report from the version last seen (a stale version answers 409). */
export const amendReport = (id: string, body: { version: number } & Record<string, unknown>) =>
  request<Report>('PATCH', `/api/reports/${id}`, body);

// Cases

export type TimelineEntry = TimelineEntryReply;
export type Assignment = AssignmentReply;
export type Disposition = DispositionReply;
export type DispatchSuggestion = DispatchSuggestionReply;

export const listCases = (params: { open?: boolean; phase?: string; limit?: number }) =>
  request<Items<CaseView>>('GET', `/api/cases${queryOf(params)}`);
export const getCase = (id: string) => request<CaseView>('GET', `/api/cases/${id}`);
export const openCase = (reportIds: string[]) => request<CaseView>('POST', '/api/cases', { reportIds });
export const attachReport = (caseId: string, reportId: string) =>
  request<CaseView>('POST', `/api/cases/${caseId}/reports`, { reportId });
export const moveCase = (
  id: string,
  body: { to: string; outcome?: string; version: number; handovers?: Handover[] },
) => request<CaseView>('POST', `/api/cases/${id}/phase`, body);
export const getOpenItems = (id: string) => request<OpenItems>('GET', `/api/cases/${id}/open-items`);
export const reopenCase = (id: string, reason: string) =>
  request<CaseView>('POST', `/api/cases/${id}/reopen`, { reason });
export const completeRecoveryStep = (id: string, step: string) =>
  request<CaseView>('POST', `/api/cases/${id}/recovery-steps`, { step });
export const shareCase = (id: string, kabkotaCode: string) =>
  request<CaseView>('POST', `/api/cases/${id}/shares`, { kabkotaCode });
export const getTimeline = (id: string) => request<Items<TimelineEntry>>('GET', `/api/cases/${id}/timeline`);
export const listAssignments = (id: string) =>
  request<Items<Assignment>>('GET', `/api/cases/${id}/assignments`);
export const assignPerson = (
  id: string,
  body: { id: string; userId: string; task: string; dueAt?: string },
) => request<{ id: string }>('POST', `/api/cases/${id}/assignments`, body);
export const listDispatchSuggestions = (id: string) =>
  request<Items<DispatchSuggestion>>('GET', `/api/cases/${id}/dispatch-suggestions`);
export const listCaseDispositions = (id: string) =>
  request<Items<Disposition>>('GET', `/api/cases/${id}/dispositions`);
export const sendDisposition = (
  id: string,
  body: { id: string; agencyId: string; instruction: string; dueAt: string },
) => request<{ id: string }>('POST', `/api/cases/${id}/dispositions`, body);
export const listPeople = (id: string) =>
  request<Items<VulnerablePersonView>>('GET', `/api/cases/${id}/people`);
export const listReferrals = (id: string) =>
  request<Items<ReferralView>>('GET', `/api/cases/${id}/referrals`);
export const getVulnerableSummary = (id: string) =>
  request<VulnerableSummary>('GET', `/api/cases/${id}/vulnerable-summary`);

// Vulnerable people and their referrals. The answers carry personal data: callers keep it in component state
// only (no storage), see PeopleSection.tsx.

export const addPerson = (caseId: string, body: PersonInput) =>
  request<VulnerablePersonView>('POST', `/api/cases/${caseId}/people`, body);
export const updatePerson = (caseId: string, personId: string, body: PersonInput) =>
  request<VulnerablePersonView>('PUT', `/api/cases/${caseId}/people/${personId}`, body);
export const referPerson = (caseId: string, personId: string, body: ReferralInput) =>
  request<ReferralView>('POST', `/api/cases/${caseId}/people/${personId}/referrals`, body);
export const updateReferral = (id: string, body: ReferralUpdate) =>
  request<ReferralView>('PATCH', `/api/referrals/${id}`, body);

// Partner agencies

export const listDispositions = () => request<Items<Disposition>>('GET', '/api/dispositions');
export const answerDisposition = (id: string, body: { status: string; answer: string }) =>
  request<Disposition>('POST', `/api/dispositions/${id}/answer`, body);

// Regions, pillars, numbers, boundaries

export type GeoCollection = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: unknown }[];
};

export const listRegions = (parent: string) =>
  request<Items<Region>>('GET', `/api/regions${queryOf({ parent })}`);
export const listPillars = (params: { region?: string; status?: string; limit?: number }) =>
  request<{ items: Pillar[]; total: number }>('GET', `/api/pillars${queryOf(params)}`);
export const listPillarTypes = () => request<Items<ListItem>>('GET', '/api/pillars/types');
export const listPillarSkills = () => request<Items<ListItem>>('GET', '/api/pillars/skills');
export const getCoverage = (region: string, type: string) =>
  request<CoverageReply>('GET', `/api/pillars/coverage${queryOf({ region, type })}`);
export const getLevels = (parent: string) =>
  request<Items<LevelItem>>('GET', `/api/early-warning/levels${queryOf({ parent })}`);
/** The dashboard numbers of the province, a kab/kota, or (with `bakorwil`) a Bakorwil's kab/kota only. */
export const getOverview = (params: { scope: string; bakorwil?: string; from?: string; to?: string }) =>
  request<StatsOverview>('GET', `/api/stats/overview${queryOf(params)}`);
export const getKabkotaBoundaries = () => request<GeoCollection>('GET', '/api/geo/kabkota.geojson');
export const getKecamatanBoundaries = (kabkota: string) =>
  request<GeoCollection>('GET', `/api/geo/kecamatan.geojson${queryOf({ kabkota })}`);

// Administration

export const listUsers = () => request<Items<UserView>>('GET', '/api/users');
export const createUser = (body: {
  username: string;
  displayName?: string;
  role: Role;
  region: string;
  agencyId?: string | null;
}) => request<{ user: UserView; password: string }>('POST', '/api/users', body);
export const resetPassword = (username: string) =>
  request<{ password: string }>('POST', `/api/users/${encodeURIComponent(username)}/password-reset`);
const userPath = (username: string) => `/api/users/${encodeURIComponent(username)}`;
export const setUserActive = (username: string, isActive: boolean) =>
  request<void>('POST', `${userPath(username)}/${isActive ? 'reactivate' : 'deactivate'}`);
export const resetTotpOf = (username: string) => request<void>('POST', `${userPath(username)}/totp-reset`);
export const listAccessOf = (username: string) => request<Access>('GET', `${userPath(username)}/access`);
export const endSessionOf = (username: string, id: string) =>
  request<void>('DELETE', `${userPath(username)}/sessions/${encodeURIComponent(id)}`);
export const revokeTokenOf = (username: string, id: string) =>
  request<void>('DELETE', `${userPath(username)}/tokens/${encodeURIComponent(id)}`);
export const listBakorwil = () => request<Items<Bakorwil>>('GET', '/api/bakorwil');
export const saveBakorwil = (bakorwil: Bakorwil) =>
  request<Bakorwil>('PUT', `/api/bakorwil/${bakorwil.id}`, {
    name: bakorwil.name,
    seat: bakorwil.seat,
    members: bakorwil.members,
  });
export const listSla = () => request<Items<SlaRow>>('GET', '/api/settings/sla');
export const saveSla = (items: SlaRow[]) => request<Items<SlaRow>>('PUT', '/api/settings/sla', { items });
export const listAgencies = () => request<Items<Agency>>('GET', '/api/agencies');
export const saveAgency = (agency: Agency) =>
  request<Agency>('PUT', `/api/agencies/${agency.id}`, {
    name: agency.name,
    kabkotaCode: agency.kabkotaCode,
    isActive: agency.isActive,
  });
export const saveListItem = (list: 'types' | 'skills', item: ListItem) =>
  request<Items<ListItem>>('PUT', `/api/pillars/${list}/${item.code}`, {
    label: item.label,
    sortOrder: item.sortOrder,
    isActive: item.isActive,
  });
export const listTargets = () => request<Items<CoverageTarget>>('GET', '/api/pillars/coverage/targets');
export const saveTarget = (target: CoverageTarget) =>
  request<Items<CoverageTarget>>('PUT', '/api/pillars/coverage/targets', target);

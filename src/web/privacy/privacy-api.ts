// The calls of the data protection officer's page. Types only come from the shared schemas.
import type {
  BreachView,
  ProcessingRecord,
  SubjectSearchResult,
} from '../../shared/privacy/privacy-schema.ts';
import type { PrivacySettings, RetentionPlan } from '../../shared/privacy/retention-rules.ts';
import type {
  ConsentInput,
  ConsentList,
  ConsentView,
  CorrectionInput,
  RightsRequestInput,
  RightsRequestList,
  RightsRequestView,
} from '../../shared/privacy/rights-schema.ts';
import { request } from '../api.ts';

export type {
  BreachView,
  ConsentView,
  PrivacySettings,
  ProcessingRecord,
  RetentionPlan,
  RightsRequestView,
  SubjectSearchResult,
};

export const getProcessingRecord = (lang: 'id' | 'en') =>
  request<ProcessingRecord>('GET', `/api/privacy/processing-record?lang=${lang}`);

/** The PDF of the record, fetched by the browser as a download (a GET with the session cookie). */
export const processingRecordPdfPath = (lang: 'id' | 'en') =>
  `/api/privacy/processing-record?format=pdf&lang=${lang}`;

export const searchSubjects = (query: Record<string, string>) =>
  request<SubjectSearchResult>('GET', `/api/privacy/subjects?${new URLSearchParams(query)}`);

export const listRequests = () => request<RightsRequestList>('GET', '/api/privacy/requests');

export const createRequest = (input: RightsRequestInput) =>
  request<RightsRequestView>('POST', '/api/privacy/requests', input);

export const answerRequest = (id: string, answer: string) =>
  request<RightsRequestView>('POST', `/api/privacy/requests/${id}/answer`, { answer });

export const correctField = (id: string, input: CorrectionInput) =>
  request<RightsRequestView>('POST', `/api/privacy/requests/${id}/corrections`, input);

export const runErasure = (id: string) =>
  request<RightsRequestView>('POST', `/api/privacy/requests/${id}/erasure`);

/** The person's file as a PDF download. */
export const personFilePdfPath = (id: string) => `/api/privacy/requests/${id}/file?format=pdf`;

export const getConsents = (query: { phone?: string; subjectId?: string }) =>
  request<ConsentList>(
    'GET',
    `/api/privacy/consents?${new URLSearchParams(query as Record<string, string>)}`,
  );

export const saveConsent = (input: ConsentInput) =>
  request<ConsentView>('POST', '/api/privacy/consents', input);

export const getPrivacySettings = () => request<PrivacySettings>('GET', '/api/settings/privacy');

export const savePrivacySettings = (input: PrivacySettings) =>
  request<PrivacySettings>('PUT', '/api/settings/privacy', input);

export const retentionDryRun = () => request<RetentionPlan>('GET', '/api/privacy/retention');

export const listBreaches = () => request<{ items: BreachView[] }>('GET', '/api/privacy/breaches');

// The calls of the data protection officer's page. Types only come from the shared schemas.
import type { ProcessingRecord } from '../../shared/privacy/privacy-schema.ts';
import { request } from '../api.ts';

export type { ProcessingRecord };

export const getProcessingRecord = (lang: 'id' | 'en') =>
  request<ProcessingRecord>('GET', `/api/privacy/processing-record?lang=${lang}`);

/** The PDF of the record, fetched by the browser as a download (a GET with the session cookie). */
export const processingRecordPdfPath = (lang: 'id' | 'en') =>
  `/api/privacy/processing-record?format=pdf&lang=${lang}`;

// The calls of the Pilar page: the registry, one person, and spreadsheet imports. Types only come from the
// shared schemas (`import type` is erased), so no schema library reaches the browser.
import type { DryRunReport, ImportJob, ImportRowResult } from '../../shared/pillars/pillar-import-rules.ts';
import type { Pillar } from '../../shared/pillars/pillar-schema.ts';
import { queryOf, request } from '../api.ts';

export type { DryRunReport, ImportJob, ImportRowResult, Pillar };

/** The registry filters the page sends; empty ones are left out. */
export type RegistryFilters = {
  type?: string;
  skill?: string;
  availability?: string;
  status?: string;
  q?: string;
  limit: number;
  offset: number;
};

export const listRegistry = (filters: RegistryFilters) =>
  request<{ items: Pillar[]; total: number }>('GET', `/api/pillars${queryOf(filters)}`);

export const getPillar = (id: string) => request<Pillar>('GET', `/api/pillars/${id}`);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file with the content type the server reads it by (browsers give CSV files differing types). */
export function rosterBody(file: File): Blob {
  const type = /\.csv$/i.test(file.name) ? 'text/csv' : XLSX_TYPE;
  return new Blob([file], { type });
}

/** The file is .xlsx or .csv by its name. */
export function isRosterFile(file: File): boolean {
  return /\.(xlsx|csv)$/i.test(file.name);
}

type ImportOptions = { kabkota: string; type?: string };

export const dryRunRoster = (file: File, options: ImportOptions) =>
  request<DryRunReport>(
    'POST',
    `/api/pillars/imports${queryOf({ dryRun: 'true', ...options })}`,
    rosterBody(file),
  );

export const startRosterImport = (file: File, options: ImportOptions) =>
  request<ImportJob>(
    'POST',
    `/api/pillars/imports${queryOf({ dryRun: 'false', ...options })}`,
    rosterBody(file),
  );

export const getImportJob = (id: string) => request<ImportJob>('GET', `/api/pillars/imports/${id}`);

// The rights of the people in the data (UU 27/2022): the deadline of each request, which records can be corrected or
// erased, why an erasure is refused, and what anonymisation writes instead of each declared column. Pure: the server
// and the web share it.
import { maskName } from '../cases/people-rules.ts';
import { DATA_MAP, type DataMapEntry } from './data-map.ts';

/** The kinds of request a person (or their guardian or attorney) makes. */
export const REQUEST_KINDS = ['akses', 'perbaikan', 'penghapusan'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * The deadline of each kind in hours from receipt, with its source. Access: Pasal 32 ayat 2; correction: Pasal 30
 * ayat 2 — both 3 × 24 hours. Erasure (Pasal 43) names no hours in the law: Sigap holds itself to the same 3 × 24
 * hours, as Pasal 41 ayat 1 asks for stopping and restricting processing.
 */
export const REQUEST_DEADLINES: Record<RequestKind, { hours: number; source: string }> = {
  akses: { hours: 72, source: 'UU 27/2022 Pasal 32 ayat (2)' },
  perbaikan: { hours: 72, source: 'UU 27/2022 Pasal 30 ayat (2)' },
  penghapusan: { hours: 72, source: 'Target kantor (Pasal 43 tanpa batas jam; mengikuti Pasal 41 ayat (1))' },
};

export const REQUEST_KIND_LABELS: Record<RequestKind, { id: string; en: string }> = {
  akses: { id: 'Akses dan salinan data', en: 'Access and copy' },
  perbaikan: { id: 'Perbaikan data', en: 'Correction' },
  penghapusan: { id: 'Penghapusan / anonimisasi', en: 'Erasure / anonymisation' },
};

/** From this many hours before the deadline a request counts as nearing it. */
export const REQUEST_WARNING_HOURS = 24;

export type RequestClockState = 'berjalan' | 'mendekati' | 'lewat' | 'selesai';

/** The deadline of a request of `kind` received at `receivedAt`. */
export function requestDueAt(kind: RequestKind, receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + REQUEST_DEADLINES[kind].hours * 3_600_000);
}

/** Where a request's clock stands at `now`. */
export function requestClock(
  request: { dueAt: Date; answeredAt: Date | null },
  now: Date,
): { state: RequestClockState; hoursLeft: number } {
  const hoursLeft = Math.floor((request.dueAt.getTime() - now.getTime()) / 3_600_000);
  if (request.answeredAt) return { state: 'selesai', hoursLeft };
  if (hoursLeft < 0) return { state: 'lewat', hoursLeft };
  if (hoursLeft < REQUEST_WARNING_HOURS) return { state: 'mendekati', hoursLeft };
  return { state: 'berjalan', hoursLeft };
}

/** The tables whose records a request may name: those the subject search finds. */
export const SUBJECT_TABLES = [
  'vulnerable_people',
  'pillars',
  'workshop_participants',
  'actor_group_branches',
  'reports',
] as const;
export type SubjectTable = (typeof SUBJECT_TABLES)[number];

/** What each table's record is, in Indonesian. */
export const SUBJECT_TABLE_LABELS: Record<SubjectTable, string> = {
  vulnerable_people: 'Orang rentan dalam kasus',
  pillars: 'Pilar sosial',
  workshop_participants: 'Peserta rapat koordinasi',
  actor_group_branches: 'Narahubung cabang kelompok',
  reports: 'Laporan lapangan yang menyebut nama',
};

/** The fields a person may have corrected, per table, and what a valid value looks like. */
export const CORRECTABLE: Record<SubjectTable, Record<string, 'name' | 'age' | 'nik' | 'phone' | 'text'>> = {
  vulnerable_people: { full_name: 'name', age: 'age', guardian_name: 'name', nik: 'nik' },
  pillars: { name: 'name', phone: 'phone', nik: 'nik' },
  workshop_participants: { name: 'name' },
  actor_group_branches: { contact_name: 'name', contact_phone: 'phone' },
  reports: { description: 'text', groups_involved: 'text' },
};

/** Why a corrected value is not acceptable, or undefined. */
export function checkCorrection(table: SubjectTable, field: string, value: string): string | undefined {
  const kind = CORRECTABLE[table][field];
  if (!kind) return `Kolom ${field} tidak dapat diperbaiki lewat permintaan ini`;
  const text = value.trim();
  switch (kind) {
    case 'name':
      return text.length >= 2 && text.length <= 120 ? undefined : 'Nama 2–120 huruf';
    case 'age': {
      const age = Number(text);
      return Number.isInteger(age) && age >= 0 && age <= 130 ? undefined : 'Usia 0–130 tahun';
    }
    case 'nik':
      return /^\d{16}$/.test(text) ? undefined : 'NIK terdiri dari 16 angka';
    case 'phone':
      return /^(\+62|62|0)8\d{7,11}$/.test(text.replace(/[\s-]/g, ''))
        ? undefined
        : 'Nomor telepon tidak valid';
    case 'text':
      return text.length <= 4000 ? undefined : 'Teks paling banyak 4000 huruf';
  }
}

/** What keeps a record from erasure: an open case it belongs to, or a legal hold on it or its case. */
export type ErasureObstacles = { openCaseId: string | null; holdReason: string | null };

/** Why a record may not be erased (the refusal the person is told), or undefined when it may. */
export function refuseErasure(obstacles: ErasureObstacles): string | undefined {
  if (obstacles.holdReason) {
    return `Data ditahan karena kewajiban hukum (legal hold): ${obstacles.holdReason}`;
  }
  if (obstacles.openCaseId) {
    return 'Kasus yang memuat data ini masih ditangani; data diperlukan untuk melindungi orang tersebut (UU 27/2022 Pasal 20 ayat 2 huruf d dan e) dan dapat dihapus setelah kasus ditutup';
  }
  return undefined;
}

/** The text written in place of a name or free text. */
export const ANONYMISED_LABEL = 'Dianonimkan';

/** How a column is stored, as the anonymiser needs to know it (from the schema). */
export type ColumnShape = { nullable: boolean; isArray: boolean; isUnique: boolean };

/**
 * The value anonymisation writes into one declared column of a record, or `keep` to leave it. 'label' writes the
 * label (with the record's id where the column must stay unique); 'mask' keeps what the mask shows (a category such
 * as the vulnerable group stays, a name becomes its initials); 'null' empties it; 'remove' is for whole rows
 * (photos, sessions) and leaves the column to the row's deletion.
 */
export function anonymisedValue(
  entry: DataMapEntry,
  value: unknown,
  recordId: string,
  shape: ColumnShape,
): { keep: true } | { keep: false; value: unknown } {
  const empty = shape.nullable ? null : shape.isArray ? [] : '';
  switch (entry.anonymise) {
    case 'label':
      return {
        keep: false,
        value: shape.isUnique ? `${ANONYMISED_LABEL.toLowerCase()}-${recordId}` : ANONYMISED_LABEL,
      };
    case 'mask':
      if (entry.mask === 'none' || value == null) return { keep: true };
      return { keep: false, value: entry.mask === 'name' ? maskName(String(value)) : empty };
    case 'null':
      return value == null ? { keep: true } : { keep: false, value: empty };
    case 'remove':
      return { keep: true };
  }
}

/** The declared columns of a table. */
export function declaredEntries(table: string): DataMapEntry[] {
  return DATA_MAP.filter((entry) => entry.table === table);
}

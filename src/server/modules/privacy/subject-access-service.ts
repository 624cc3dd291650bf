// Subject access (UU 27/2022 Pasal 7 and 32): the data protection officer finds a person across Sigap by NIK, name
// (with a birth year) or phone and reads every declared column of each record — the only way a ppdp reads
// people's data, each record read written to the access log and the search to the audit trail (counts only).
import { nameKey, normalizePhone } from '../../../shared/pillars/pillar-identity.ts';
import type { SubjectSearchQuery, SubjectSearchResult } from '../../../shared/privacy/privacy-schema.ts';
import { toWibIso } from '../../../shared/time.ts';
import { appendAudit, logAccess } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataCipher } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import * as store from './privacy-store.ts';

export type SubjectDeps = { db: Database; clock: Clock; cipher: DataCipher };

/** What each table's record is, in Indonesian. */
const LABELS: Record<string, string> = {
  vulnerable_people: 'Orang rentan dalam kasus',
  pillars: 'Pilar sosial',
  workshop_participants: 'Peserta rapat koordinasi',
  actor_group_branches: 'Narahubung cabang kelompok',
  reports: 'Laporan lapangan yang menyebut nama',
};

/** The access log's subject type of each table (as the case and pillar modules already write it). */
export const SUBJECT_TYPES: Record<string, string> = {
  vulnerable_people: 'vulnerable_person',
  pillars: 'pillar',
};

/** A stored value as text for the person's file. */
export function asText(cipher: DataCipher, column: string, value: unknown): string | null {
  if (value == null) return null;
  if (column === 'nik_encrypted' && Buffer.isBuffer(value)) return cipher.decrypt(value);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `berkas (${value.length} bita)`;
  if (value instanceof Date) return toWibIso(value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Every record of a person, whole, for the data protection officer; each record read is access-logged. */
export async function searchSubject(
  deps: SubjectDeps,
  principal: Principal,
  query: SubjectSearchQuery,
): Promise<SubjectSearchResult> {
  authorize(principal, 'privacy.search', 'Hanya PPDP yang mencari data seseorang');
  const phone = query.phone ? (normalizePhone(query.phone) ?? query.phone) : undefined;
  const keys: store.SubjectKeys = {
    nikHash: query.nik ? deps.cipher.keyedHash(query.nik) : undefined,
    name: query.name,
    nameKey: query.name ? nameKey(query.name) : undefined,
    birthYear: query.birthYear,
    phone,
  };
  return deps.db.asSystem(async (tx) => {
    const rows = await store.findSubject(tx, keys);
    for (const row of rows) {
      await logAccess(
        tx,
        principal.user.id,
        { type: SUBJECT_TYPES[row.table] ?? row.table, id: row.id },
        'privacy.subject_access',
      );
    }
    await appendAudit(tx, principal, 'privacy.subject_searched', 'subject_access', {
      by: [query.nik && 'nik', query.name && 'name', query.phone && 'phone'].filter(Boolean),
      records: rows.length,
    });
    return {
      searchedAt: toWibIso(deps.clock.now()),
      records: rows.map((row) => ({
        table: row.table,
        id: row.id,
        label: LABELS[row.table] ?? row.table,
        fields: Object.entries(row.values).map(([column, value]) => ({
          column,
          value: asText(deps.cipher, column, value),
        })),
      })),
    };
  });
}

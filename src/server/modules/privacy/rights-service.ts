// Requests of the people in the data (UU 27/2022 Pasal 5–8): the data protection officer records a request for the
// records found by the subject search, with its legal deadline; answers an access request with the person's file
// (JSON or PDF, every record read access-logged); corrects a field; and erases by anonymising — refused, with the
// reason recorded as the answer, while a case is still open or a legal hold is set.
import { nameKey, normalizePhone, tidyName } from '../../../shared/pillars/pillar-identity.ts';
import { dataMapEntry, LAWFUL_BASIS_LABELS } from '../../../shared/privacy/data-map.ts';
import {
  checkCorrection,
  REQUEST_DEADLINES,
  REQUEST_KIND_LABELS,
  refuseErasure,
  requestClock,
  requestDueAt,
  SUBJECT_TABLE_LABELS,
  type SubjectTable,
} from '../../../shared/privacy/rights-rules.ts';
import type {
  CorrectionInput,
  LegalHoldInput,
  PersonFile,
  RightsRequestInput,
  RightsRequestView,
} from '../../../shared/privacy/rights-schema.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { appendAudit, auditAbout, logAccess } from '../../platform/audit.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataCipher } from '../../platform/crypto.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { anonymiseRecord } from './anonymise-service.ts';
import { renderPersonFilePdf } from './person-file-pdf.ts';
import * as privacyStore from './privacy-store.ts';
import { CONTROLLER, retentionText } from './processing-record-rules.ts';
import * as store from './rights-store.ts';
import { asText, SUBJECT_TYPES } from './subject-access-service.ts';

/** An audit entry about a request of a person in the data (the privacy module's actions name the request). */
const auditRequest = auditAbout('privacy_request');

export type RightsDeps = { db: Database; clock: Clock; cipher: DataCipher };

const MESSAGE = 'Hanya PPDP dan admin yang menangani permintaan subjek data';
const REQUESTED_BY = { subjek: 'Subjek data sendiri', wali: 'Orang tua / wali', kuasa: 'Kuasa subjek data' };

function toView(r: store.RequestRecord, now: Date): RightsRequestView {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: REQUEST_KIND_LABELS[r.kind].id,
    requestedBy: REQUESTED_BY[r.requestedBy as keyof typeof REQUESTED_BY] ?? r.requestedBy,
    receivedAt: toWibIso(r.receivedAt),
    dueAt: toWibIso(r.dueAt),
    deadlineSource: REQUEST_DEADLINES[r.kind].source,
    records: r.records.map((ref) => ({ ...ref, label: SUBJECT_TABLE_LABELS[ref.table] })),
    status: r.status,
    answer: r.answer,
    answeredAt: toWibIsoOrNull(r.answeredAt),
    clock: requestClock(r, now),
  };
}

async function requireRequest(tx: Tx, id: string): Promise<store.RequestRecord> {
  return foundOr(await store.findRequest(tx, id), 'Permintaan tidak ditemukan');
}

function requireOpen(request: store.RequestRecord, kind: store.RequestRecord['kind']): void {
  if (request.kind !== kind) {
    throw new DomainError('conflict', `Permintaan ini adalah ${REQUEST_KIND_LABELS[request.kind].id}`);
  }
  if (request.status !== 'diproses') throw new DomainError('conflict', 'Permintaan ini sudah dijawab');
}

/** What a request's client id stands for: a retry sends the same, the same id with anything else is a clash. */
function requestContentHash(r: Pick<store.RequestRecord, 'kind' | 'requestedBy' | 'receivedAt' | 'records'>) {
  return contentHash({
    kind: r.kind,
    requestedBy: r.requestedBy,
    receivedAt: r.receivedAt.toISOString(),
    records: r.records.map((ref) => ({ table: ref.table, id: ref.id })),
  });
}

/**
 * Records a request; its deadline runs from receipt. A retried submission (the same id and content) answers the
 * same request; the same id with other content is a conflict.
 */
export async function recordRequest(
  deps: RightsDeps,
  principal: Principal,
  input: RightsRequestInput,
): Promise<RightsRequestView> {
  authorize(principal, 'privacy.request', MESSAGE);
  const receivedAt = new Date(input.receivedAt);
  const now = deps.clock.now();
  if (receivedAt.getTime() > now.getTime() + 60_000) {
    throw new DomainError('validation_failed', 'Waktu diterima tidak boleh di masa depan');
  }
  return deps.db.asSystem(async (tx) => {
    for (const ref of input.records) {
      if (!(await privacyStore.findRecord(tx, ref.table, ref.id))) {
        throw new DomainError(
          'validation_failed',
          `Catatan ${SUBJECT_TABLE_LABELS[ref.table]} tidak ditemukan`,
        );
      }
    }
    const request = {
      id: input.id,
      kind: input.kind,
      requestedBy: input.requestedBy,
      receivedAt,
      dueAt: requestDueAt(input.kind, receivedAt),
      records: input.records,
    };
    const inserted = await store.insertRequest(tx, { ...request, createdBy: principal.user.id });
    if (inserted) {
      await auditRequest(tx, principal, 'privacy.request_recorded', input.id, {
        kind: input.kind,
        records: input.records.length,
      });
    }
    const stored = await requireRequest(tx, input.id);
    if (!inserted && requestContentHash(stored) !== requestContentHash(request)) {
      throw new DomainError('conflict', 'Permintaan dengan id ini sudah ada dengan isi berbeda', {
        id: input.id,
      });
    }
    return toView(stored, now);
  });
}

/** Every request with its clock (open ones first, nearest deadline first). */
export async function listRequests(deps: RightsDeps, principal: Principal): Promise<RightsRequestView[]> {
  authorize(principal, 'privacy.request', MESSAGE);
  const now = deps.clock.now();
  return deps.db.asSystem(async (tx) => (await store.listRequests(tx)).map((r) => toView(r, now)));
}

export async function getRequest(
  deps: RightsDeps,
  principal: Principal,
  id: string,
): Promise<RightsRequestView> {
  authorize(principal, 'privacy.request', MESSAGE);
  return deps.db.asSystem(async (tx) => toView(await requireRequest(tx, id), deps.clock.now()));
}

/** Closes an access or correction request with what the office gave or did. */
export async function answerRequest(
  deps: RightsDeps,
  principal: Principal,
  id: string,
  answer: string,
): Promise<RightsRequestView> {
  authorize(principal, 'privacy.request', MESSAGE);
  const now = deps.clock.now();
  return deps.db.asSystem(async (tx) => {
    const request = await requireRequest(tx, id);
    if (request.status !== 'diproses') throw new DomainError('conflict', 'Permintaan ini sudah dijawab');
    if (request.kind === 'penghapusan') {
      throw new DomainError('conflict', 'Permintaan penghapusan dijawab dengan menjalankan penghapusan');
    }
    await store.answerRequest(tx, id, 'selesai', answer, now);
    await auditRequest(tx, principal, 'privacy.request_answered', id);
    return toView(await requireRequest(tx, id), now);
  });
}

/** The person's file: every record of the request with each declared field, its purpose, basis and retention. */
export async function personFile(deps: RightsDeps, principal: Principal, id: string): Promise<PersonFile> {
  authorize(principal, 'privacy.request', MESSAGE);
  return deps.db.asSystem(async (tx) => {
    const request = await requireRequest(tx, id);
    const records: PersonFile['records'] = [];
    for (const ref of request.records) {
      const row = await privacyStore.findRecord(tx, ref.table, ref.id);
      if (!row) continue;
      await logAccess(
        tx,
        principal.user.id,
        { type: SUBJECT_TYPES[ref.table] ?? ref.table, id: ref.id },
        'privacy.subject_file',
      );
      records.push({
        table: ref.table,
        id: ref.id,
        label: SUBJECT_TABLE_LABELS[ref.table],
        fields: Object.entries(row.values).map(([column, value]) => {
          const entry = dataMapEntry(ref.table, column);
          return {
            column,
            value: asText(deps.cipher, column, value),
            purpose: entry?.purpose.id ?? '',
            basis: entry ? LAWFUL_BASIS_LABELS[entry.basis].id : '',
            retention: entry ? retentionText(entry.retention, 'id') : '',
          };
        }),
      });
    }
    await auditRequest(tx, principal, 'privacy.subject_file', id, {
      records: records.length,
    });
    return { requestId: id, controller: CONTROLLER.id, generatedAt: toWibIso(deps.clock.now()), records };
  });
}

/** The person's file as a PDF in Indonesian. */
export async function personFilePdf(
  deps: RightsDeps,
  principal: Principal,
  id: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  const file = await personFile(deps, principal, id);
  return {
    fileName: `berkas-data-pribadi-${file.generatedAt.slice(0, 10)}.pdf`,
    bytes: await renderPersonFilePdf(file),
  };
}

/** The columns a correction writes: a NIK sealed with its keyed hash, a pillar's name with its search key. */
function correctionValues(
  cipher: DataCipher,
  table: SubjectTable,
  field: string,
  raw: string,
): Record<string, unknown> {
  const value = raw.trim();
  if (field === 'nik') {
    return {
      ...(table === 'vulnerable_people' ? { nik: null } : {}),
      nik_encrypted: cipher.encrypt(value),
      nik_hash: cipher.keyedHash(value),
    };
  }
  if (field === 'age') return { age: Number(value) };
  if (field.endsWith('phone')) return { [field]: normalizePhone(value) ?? value };
  if (table === 'pillars' && field === 'name') return { name: tidyName(value), name_key: nameKey(value) };
  return { [field]: value };
}

/** Corrects one field of one record of a correction request (the audit names the field, never the value). */
export async function correctField(
  deps: RightsDeps,
  principal: Principal,
  id: string,
  input: CorrectionInput,
): Promise<RightsRequestView> {
  authorize(principal, 'privacy.request', MESSAGE);
  const problem = checkCorrection(input.table, input.field, input.value);
  if (problem) throw new DomainError('validation_failed', problem);
  return deps.db.asSystem(async (tx) => {
    const request = await requireRequest(tx, id);
    requireOpen(request, 'perbaikan');
    if (!request.records.some((r) => r.table === input.table && r.id === input.id)) {
      throw new DomainError('validation_failed', 'Catatan ini tidak termasuk dalam permintaan');
    }
    await store.updateColumns(
      tx,
      input.table,
      input.id,
      correctionValues(deps.cipher, input.table, input.field, input.value),
    );
    await auditRequest(tx, principal, 'privacy.field_corrected', id, {
      table: input.table,
      record: input.id,
      field: input.field,
    });
    return toView(request, deps.clock.now());
  });
}

/**
 * Runs an erasure request: every record is anonymised, or none when one must be kept — then the request is
 * answered `ditolak` with the reason, which the person is told.
 */
export async function runErasure(
  deps: RightsDeps,
  principal: Principal,
  id: string,
): Promise<RightsRequestView> {
  authorize(principal, 'privacy.request', MESSAGE);
  const now = deps.clock.now();
  return deps.db.asSystem(async (tx) => {
    const request = await requireRequest(tx, id);
    requireOpen(request, 'penghapusan');
    const refusals: string[] = [];
    for (const ref of request.records) {
      const caseId = await store.findRecordCase(tx, ref.table, ref.id);
      const holdReason = await store.findHoldReason(tx, [
        { table: ref.table, id: ref.id },
        ...(caseId ? [{ table: 'cases', id: caseId }] : []),
      ]);
      const openCaseId = caseId && (await store.isCaseOpen(tx, caseId)) ? caseId : null;
      const refusal = refuseErasure({ openCaseId, holdReason });
      if (refusal) refusals.push(`${SUBJECT_TABLE_LABELS[ref.table]}: ${refusal}`);
    }
    if (refusals.length > 0) {
      await store.answerRequest(tx, id, 'ditolak', refusals.join('\n'), now);
      await auditRequest(tx, principal, 'privacy.erasure_refused', id, {
        refused: refusals.length,
      });
      return toView(await requireRequest(tx, id), now);
    }
    for (const ref of request.records) await anonymiseRecord(tx, ref.table, ref.id);
    const answer = `Data pribadi pada ${request.records.length} catatan telah dianonimkan; angka statistik tetap.`;
    await store.answerRequest(tx, id, 'selesai', answer, now);
    await auditRequest(tx, principal, 'privacy.erasure_done', id, {
      records: request.records.length,
    });
    return toView(await requireRequest(tx, id), now);
  });
}

/** Sets or lifts a legal hold on a record or a whole case. */
export async function setLegalHold(
  deps: RightsDeps,
  principal: Principal,
  input: LegalHoldInput,
): Promise<{ table: string; id: string; reason: string; active: boolean }> {
  authorize(principal, 'privacy.request', MESSAGE);
  return deps.db.asSystem(async (tx) => {
    if (input.active) await store.setHold(tx, input.table, input.id, input.reason, principal.user.id);
    else await store.liftHold(tx, input.table, input.id);
    await appendAudit(
      tx,
      principal,
      input.active ? 'privacy.hold_set' : 'privacy.hold_lifted',
      { type: input.table, id: input.id },
      { reason: input.reason },
    );
    return { table: input.table, id: input.id, reason: input.reason, active: input.active };
  });
}

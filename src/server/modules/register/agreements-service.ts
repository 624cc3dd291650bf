// Peace agreements between groups of the register: the agreement, its signed document and its breaches.
import { createHash } from 'node:crypto';
import { appendAudit } from '../../platform/audit.ts';
import { DomainError, foundAs, foundOr } from '../../platform/errors.ts';
import { requireInScope } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { checkDocument } from '../../platform/uploads.ts';
import { findCase } from '../cases/cases-service.ts';
import { findKnownReportIds } from '../reports/reports-service.ts';
import { type GroupDeps, requireGroups, requireStaff, toAgreementView } from './groups-service.ts';
import * as store from './groups-store.ts';

export async function createAgreement(
  deps: GroupDeps,
  principal: Principal,
  input: {
    title: string;
    regionCode: string;
    place: string;
    signedOn: string;
    body: string;
    groupIds: string[];
    caseId?: string;
  },
) {
  requireStaff(principal);
  requireInScope(principal, input.regionCode);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireGroups(tx, input.groupIds);
    if (input.caseId && !(await findCase(tx, input.caseId))) {
      throw new DomainError('not_found', 'Kasus tidak ditemukan');
    }
    const id = await store.insertAgreement(tx, {
      ...input,
      caseId: input.caseId ?? null,
      createdBy: principal.user.id,
      now,
    });
    await store.insertParties(tx, id, input.groupIds);
    await appendAudit(tx, principal, 'peace_agreement.created', id, {
      groupIds: input.groupIds,
      caseId: input.caseId ?? null,
    });
    return toAgreementView((await store.findAgreement(tx, id))!);
  });
}

export async function listAgreements(
  deps: GroupDeps,
  principal: Principal,
  filter: { groupId?: string; limit: number },
) {
  requireStaff(principal);
  return deps.db.asActor(principal.actor, async (tx) =>
    (await store.listAgreements(tx, filter)).map(toAgreementView),
  );
}

export async function getAgreement(deps: GroupDeps, principal: Principal, id: string) {
  requireStaff(principal);
  return toAgreementView(
    await foundAs(deps, principal, (tx) => store.findAgreement(tx, id), 'Kesepakatan damai tidak ditemukan'),
  );
}

/** The signed document: PDF, JPEG or PNG, stored in the database so every instance serves it. */
export const AGREEMENT_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export async function putAgreementDocument(
  deps: GroupDeps,
  principal: Principal,
  id: string,
  bytes: Buffer,
  contentType: string,
) {
  requireStaff(principal);
  if (!(AGREEMENT_DOCUMENT_TYPES as readonly string[]).includes(contentType)) {
    throw new DomainError('unsupported_media_type', 'Dokumen harus PDF, JPEG atau PNG');
  }
  // Checked by content; a photo of the signed paper is re-encoded, so it does not carry where and on what
  // phone it was taken.
  const stored = (await checkDocument(bytes, contentType)).bytes;
  return deps.db.asActor(principal.actor, async (tx) => {
    const sha256 = createHash('sha256').update(stored).digest('hex');
    if (!(await store.setDocument(tx, id, { bytes: stored, contentType, sha256 }))) {
      throw new DomainError('not_found', 'Kesepakatan damai tidak ditemukan');
    }
    await appendAudit(tx, principal, 'peace_agreement.document_added', id, { sha256 });
    return toAgreementView((await store.findAgreement(tx, id))!);
  });
}

export async function getAgreementDocument(deps: GroupDeps, principal: Principal, id: string) {
  requireStaff(principal);
  return foundAs(deps, principal, (tx) => store.findDocument(tx, id), 'Dokumen tidak ditemukan');
}

/** Links a report that shows the agreement was broken. */
export async function addBreach(
  deps: GroupDeps,
  principal: Principal,
  id: string,
  input: { reportId: string; note: string },
) {
  requireStaff(principal);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    foundOr(await store.findAgreement(tx, id), 'Kesepakatan damai tidak ditemukan');
    if ((await findKnownReportIds(tx, [input.reportId])).length === 0) {
      throw new DomainError('not_found', 'Laporan tidak ditemukan');
    }
    if (
      await store.insertBreach(tx, {
        agreementId: id,
        reportId: input.reportId,
        note: input.note,
        notedBy: principal.user.id,
        now,
      })
    ) {
      await appendAudit(tx, principal, 'peace_agreement.breach_noted', id, { reportId: input.reportId });
    }
    return toAgreementView((await store.findAgreement(tx, id))!);
  });
}

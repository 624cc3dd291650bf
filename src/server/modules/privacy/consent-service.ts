// Consent per person (UU 27/2022 Pasal 20 ayat 2 huruf a, Pasal 9, Pasal 25): a citizen reporter's consent to be
// contacted back, a pillar's consent for the registry, a guardian's consent for a child (given when the child is
// added to a case). A withdrawal is recorded and honoured at once: no more replies or notices to that phone (the
// database drops them before the outbox), a pillar's data anonymised, a child's data anonymised — unless another
// basis keeps it (a case still handled: vital interest; a legal hold), which the answer names.
import { normalizePhone } from '../../../shared/pillars/pillar-identity.ts';
import { refuseErasure } from '../../../shared/privacy/rights-rules.ts';
import type { ConsentInput, ConsentPurpose, ConsentView } from '../../../shared/privacy/rights-schema.ts';
import { toWibIso } from '../../../shared/time.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { anonymiseRecord } from './anonymise-service.ts';
import * as store from './consent-store.ts';
import type { RightsDeps } from './rights-service.ts';
import * as rightsStore from './rights-store.ts';

const MESSAGE = 'Hanya PPDP dan admin yang mencatat persetujuan subjek data';

const LABELS: Record<ConsentPurpose, string> = {
  kontak_balik: 'Persetujuan pelapor warga untuk dihubungi kembali',
  registri_pilar: 'Persetujuan pilar sosial untuk dicatat di registri',
  wali_anak: 'Persetujuan orang tua/wali atas data anak',
};

const EFFECT_WITHDRAWN: Record<ConsentPurpose, string> = {
  kontak_balik:
    'Balasan dan pemberitahuan ke nomor ini dihentikan; laporannya tetap disimpan atas dasar tugas publik (UU 7/2012)',
  registri_pilar: 'Data pilar dianonimkan; jumlah pilar dalam statistik tetap',
  wali_anak: 'Data anak dianonimkan; angka kasus tetap',
};

function keyOf(input: { purpose: ConsentPurpose; phone?: string; subjectId?: string }): string {
  if (input.purpose === 'kontak_balik') {
    const phone = input.phone ? normalizePhone(input.phone) : undefined;
    if (!phone) throw new DomainError('validation_failed', 'Nomor telepon tidak valid');
    return phone;
  }
  if (!input.subjectId) throw new DomainError('validation_failed', 'Isi id pilar atau anak');
  return input.subjectId;
}

function toView(purpose: ConsentPurpose, row: store.ConsentRow | undefined, effect?: string): ConsentView {
  const state = !row ? 'belum_dicatat' : row.withdrawnAt ? 'ditarik' : 'diberikan';
  return {
    purpose,
    purposeLabel: LABELS[purpose],
    state,
    givenAt: row?.givenAt ? toWibIso(row.givenAt) : null,
    withdrawnAt: row?.withdrawnAt ? toWibIso(row.withdrawnAt) : null,
    effect:
      effect ??
      (state === 'ditarik'
        ? EFFECT_WITHDRAWN[purpose]
        : state === 'diberikan'
          ? 'Diproses atas dasar persetujuan'
          : 'Belum ada persetujuan tercatat'),
  };
}

/** The consents of one person: by phone (a citizen reporter) or by the id of a pillar or a vulnerable person. */
export async function listConsents(
  deps: { db: Database },
  principal: Principal,
  query: { phone?: string; subjectId?: string },
): Promise<ConsentView[]> {
  authorize(principal, 'privacy.consent', MESSAGE);
  if (!query.phone && !query.subjectId) {
    throw new DomainError('validation_failed', 'Isi nomor telepon pelapor, atau id pilar/anak');
  }
  return deps.db.asSystem(async (tx) => {
    if (query.phone) {
      const rows = await store.findConsents(tx, keyOf({ purpose: 'kontak_balik', phone: query.phone }));
      return [toView('kontak_balik', rows[0])];
    }
    const id = query.subjectId as string;
    const rows = await store.findConsents(tx, id);
    const views = rows.map((row) => toView(row.purpose, row));
    const guardian = await store.findGuardianConsent(tx, id);
    if (guardian?.isChild && !rows.some((r) => r.purpose === 'wali_anak')) {
      // Recorded with the child in the case (the case refuses a child without it).
      views.push(toView('wali_anak', { purpose: 'wali_anak', givenAt: guardian.at, withdrawnAt: null }));
    }
    return views;
  });
}

/** Why a withdrawal cannot anonymise the record now (the other basis that keeps it), or undefined. */
async function keptBy(
  tx: Tx,
  table: 'pillars' | 'vulnerable_people',
  id: string,
): Promise<string | undefined> {
  const caseId = await rightsStore.findRecordCase(tx, table, id);
  const holdReason = await rightsStore.findHoldReason(tx, [
    { table, id },
    ...(caseId ? [{ table: 'cases', id: caseId }] : []),
  ]);
  const openCaseId = caseId && (await rightsStore.isCaseOpen(tx, caseId)) ? caseId : null;
  return refuseErasure({ openCaseId, holdReason });
}

/** Records consent given or withdrawn, and honours a withdrawal at once. */
export async function recordConsent(
  deps: RightsDeps,
  principal: Principal,
  input: ConsentInput,
): Promise<ConsentView> {
  authorize(principal, 'privacy.consent', MESSAGE);
  const key = keyOf(input);
  const now = deps.clock.now();
  return deps.db.asSystem(async (tx) => {
    let effect: string | undefined;
    if (input.purpose === 'registri_pilar' && !(await store.hasPillar(tx, key))) {
      throw new DomainError('not_found', 'Pilar tidak ditemukan');
    }
    if (input.purpose === 'wali_anak' && !(await store.findGuardianConsent(tx, key))?.isChild) {
      throw new DomainError('not_found', 'Anak tidak ditemukan dalam kasus');
    }
    await store.saveConsent(tx, input.purpose, key, input.action, now, principal.user.id);
    if (input.action === 'tarik' && input.purpose !== 'kontak_balik') {
      const table = input.purpose === 'registri_pilar' ? 'pillars' : 'vulnerable_people';
      const kept = await keptBy(tx, table, key);
      if (kept) effect = `Penarikan dicatat; data tetap disimpan. ${kept}`;
      else await anonymiseRecord(tx, table, key);
    }
    await appendAudit(
      tx,
      principal,
      input.action === 'beri' ? 'privacy.consent_given' : 'privacy.consent_withdrawn',
      // A reporter is named by the purpose only: the phone stays out of the audit trail.
      { type: 'privacy_consent', id: input.purpose === 'kontak_balik' ? 'kontak_balik' : key },
      { purpose: input.purpose, kept: Boolean(effect) },
    );
    const rows = await store.findConsents(tx, key);
    return toView(
      input.purpose,
      rows.find((r) => r.purpose === input.purpose),
      effect,
    );
  });
}

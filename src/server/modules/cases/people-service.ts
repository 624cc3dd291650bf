import { randomUUID } from 'node:crypto';
import { isCaseHandler } from '../../../shared/cases/case-rules.ts';
import {
  ageBand,
  canMoveReferral,
  isReferralOpen,
  nextReferralStatuses,
  refusePerson,
} from '../../../shared/cases/people-rules.ts';
import type {
  ReferralInput,
  ReferralUpdate,
  ReferralView,
  VulnerablePersonView,
  VulnerableSummary,
} from '../../../shared/cases/people-schema.ts';
import { maskColumn } from '../../../shared/privacy/masks.ts';
import { VULNERABLE_GROUPS, type VulnerableGroup } from '../../../shared/reports/report-schema.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { logAccess } from '../../platform/audit.ts';
import { answerAgain, ClientIdTaken, createOnce } from '../../platform/client-ids.ts';
import type { DataCipher } from '../../platform/crypto.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr, invalidField } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import {
  type CaseDeps,
  recordCaseStep,
  refuseIfClosed,
  requireCase,
  requireHandledCase,
  requireOpenCase,
} from './cases-service.ts';
import * as store from './people-store.ts';

/** The cases' dependencies and the data key's cipher, which seals and opens NIKs. */
export type PeopleDeps = CaseDeps & { cipher: DataCipher };

/** A NIK as stored: encrypted, with its keyed hash for matching; nothing when there is none. */
function sealNik(cipher: DataCipher, nik: string | null | undefined): store.SealedNik {
  if (!nik) return null;
  return { encrypted: cipher.encrypt(nik), hash: cipher.keyedHash(nik) };
}

/** A person's record as stored from what a handler entered: the NIK sealed, an absent age or guardian null. */
function toStoredPerson(cipher: DataCipher, input: PersonInput) {
  return {
    fullName: input.fullName,
    nik: sealNik(cipher, input.nik),
    age: input.age ?? null,
    group: input.group,
    needs: input.needs,
    guardianName: input.guardianName ?? null,
    guardianConsent: input.guardianConsent,
  };
}

/** A stored person with the NIK opened: what handlers read (and the masks are made from). */
function openPerson(cipher: DataCipher, row: store.PersonRow): store.PersonRecord {
  const { nikEncrypted, ...rest } = row;
  return { ...rest, nik: nikEncrypted ? cipher.decrypt(nikEncrypted) : null };
}

/** How many plain NIKs one start-up transaction seals. */
const SEAL_CHUNK = 500;

/**
 * Seals NIKs written before they were encrypted (SQL cannot reach the data key, so the migration could not),
 * in chunks with the owner's rights; returns how many. Runs at every start and finds nothing after the first.
 */
export async function sealPlainNiks(db: Database, cipher: DataCipher): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.asSystem(async (tx) => {
      const rows = await store.findPlainNiks(tx, SEAL_CHUNK);
      for (const row of rows) await store.sealNik(tx, row.id, sealNik(cipher, row.nik)!);
      return rows.length;
    });
    sealed += count;
    if (count < SEAL_CHUNK) return sealed;
  }
}

/** The purpose recorded in the access log for each person a handler views. */
export const PEOPLE_VIEW_PURPOSE = 'case.people.view';

export type PersonInput = {
  fullName: string;
  nik?: string;
  age?: number;
  group: VulnerableGroup;
  needs: string[];
  guardianName?: string;
  guardianConsent: boolean;
};

/** Partner agencies answer dispositions; the people of a case are not theirs to see (RLS hides them too). */
function refuseMitra(principal: Principal): void {
  authorize(principal, 'case.people', 'Mitra tidak melihat data orang rentan dalam kasus');
}

/** A visible case for anyone but a partner agency, and whether the principal handles it. */
async function requireSeenCase(tx: Tx, principal: Principal, caseId: string) {
  const found = await requireCase(tx, caseId);
  refuseMitra(principal);
  return { found, isHandler: isCaseHandler(principal.actor, found) };
}

/** A person as this viewer may see them: stored data for handlers, initials and bands for everyone else. */
function toPersonView(person: store.PersonRecord, isHandler: boolean): VulnerablePersonView {
  const band = ageBand(person);
  if (isHandler) return { ...person, ageBand: band, isMasked: false };
  return {
    ...person,
    fullName: maskColumn('vulnerable_people', 'full_name', person.fullName) ?? '',
    nik: maskColumn('vulnerable_people', 'nik_encrypted', person.nik),
    age: null,
    ageBand: band,
    guardianName: maskColumn('vulnerable_people', 'guardian_name', person.guardianName),
    // Needs often reveal health (specific personal data); the group and counts are enough outside the case.
    needs: [],
    isMasked: true,
  };
}

/** Handlers see personal data, and each person they see is written to the access log (UU 27/2022). */
async function showPeople(
  tx: Tx,
  principal: Principal,
  people: store.PersonRecord[],
  isHandler: boolean,
): Promise<VulnerablePersonView[]> {
  if (isHandler) {
    for (const person of people) {
      await logAccess(
        tx,
        principal.user.id,
        { type: 'vulnerable_person', id: person.id },
        PEOPLE_VIEW_PURPOSE,
      );
    }
  }
  return people.map((person) => toPersonView(person, isHandler));
}

/** Throws validation_failed when the shared rule refuses the record (a child without a guardian's consent …). */
function checkPerson(input: PersonInput): void {
  const refusal = refusePerson(input);
  if (refusal) {
    throw invalidField('guardianConsent', refusal, refusal);
  }
}

/** Records a named vulnerable person in a case; only its handlers may, and a child needs a guardian's consent. */
export async function addPerson(
  deps: PeopleDeps,
  principal: Principal,
  caseId: string,
  input: PersonInput,
): Promise<VulnerablePersonView> {
  checkPerson(input);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireOpenCase(tx, principal, caseId, 'case.people');
    const id = await store.insertPerson(tx, {
      caseId,
      ...toStoredPerson(deps.cipher, input),
      createdBy: principal.user.id,
      now,
    });
    await store.markCaseVulnerable(tx, caseId);
    // The audit chain is never erased: it names the person by id only.
    await recordCaseStep(tx, principal, caseId, { kind: 'person_added', details: { personId: id }, at: now });
    const person = openPerson(deps.cipher, (await store.findPerson(tx, caseId, id))!);
    return toPersonView(person, isCaseHandler(principal.actor, current));
  });
}

/**
 * Corrects a named person's record (the whole record is replaced). Only handlers who see the data may: a
 * province user acting on a case they do not handle sees it masked, and cannot correct what they cannot read.
 */
export async function updatePerson(
  deps: PeopleDeps,
  principal: Principal,
  caseId: string,
  personId: string,
  input: PersonInput,
): Promise<VulnerablePersonView> {
  checkPerson(input);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const current = await requireHandledCase(tx, principal, caseId, 'case.people');
    if (!isCaseHandler(principal.actor, current)) {
      throw new DomainError('forbidden', 'Hanya penangan kasus yang dapat mengubah data orang rentan');
    }
    refuseIfClosed(current);
    const isUpdated = await store.updatePerson(tx, caseId, personId, toStoredPerson(deps.cipher, input));
    if (!isUpdated) throw new DomainError('not_found', 'Orang tidak ditemukan dalam kasus ini');
    await recordCaseStep(tx, principal, caseId, {
      kind: 'person_updated',
      details: { personId },
      at: now,
    });
    return toPersonView(openPerson(deps.cipher, (await store.findPerson(tx, caseId, personId))!), true);
  });
}

/** The named people of a case: full for handlers (each view logged), masked for other viewers. */
export async function listPeople(
  deps: PeopleDeps,
  principal: Principal,
  caseId: string,
): Promise<VulnerablePersonView[]> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const { isHandler } = await requireSeenCase(tx, principal, caseId);
    const people = (await store.listPeople(tx, caseId)).map((row) => openPerson(deps.cipher, row));
    return showPeople(tx, principal, people, isHandler);
  });
}

/** One named person of a case, by the same rule as the list. */
export async function getPerson(
  deps: PeopleDeps,
  principal: Principal,
  caseId: string,
  personId: string,
): Promise<VulnerablePersonView> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const { isHandler } = await requireSeenCase(tx, principal, caseId);
    const person = foundOr(
      await store.findPerson(tx, caseId, personId),
      'Orang tidak ditemukan dalam kasus ini',
    );
    const [shown] = await showPeople(tx, principal, [openPerson(deps.cipher, person)], isHandler);
    return shown;
  });
}

function toReferralView(r: store.ReferralRecord, isHandler: boolean, now: Date): ReferralView {
  const { handedOverTo, handoverFollowUp, handedOverAt, ...rest } = r;
  return {
    ...rest,
    handover:
      handedOverTo && handoverFollowUp && handedOverAt
        ? { handedTo: handedOverTo, followUpBy: handoverFollowUp, at: toWibIso(handedOverAt) }
        : null,
    service: r.service as ReferralView['service'],
    note: isHandler ? r.note : null,
    dueAt: toWibIso(r.dueAt),
    createdAt: toWibIso(r.createdAt),
    completedAt: toWibIsoOrNull(r.completedAt),
    isOverdue: isReferralOpen(r.status) && r.dueAt.getTime() < now.getTime(),
  };
}

/**
 * Refers a person of the case to a service (rehabilitasi sosial, psikososial, logistik, kesehatan), once per
 * client id: the same referral sent again answers the stored one, a different one under that id is refused.
 */
export async function referPerson(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  personId: string,
  input: ReferralInput,
): Promise<ReferralView> {
  const now = deps.clock.now();
  const { id = randomUUID(), ...content } = input;
  return createOnce(deps.db, principal.actor, 'Rujukan', {
    earlier: async (tx) => {
      const found = await store.findReferral(tx, id);
      if (!found) return undefined;
      await requireHandledCase(tx, principal, caseId, 'case.people');
      const same =
        found.caseId === caseId &&
        found.personId === personId &&
        found.service === content.service &&
        found.provider === content.provider &&
        found.dueAt.getTime() === new Date(content.dueAt).getTime();
      return answerAgain(same, toReferralView(found, true, now), 'Rujukan');
    },
    create: async (tx) => {
      await requireOpenCase(tx, principal, caseId, 'case.people');
      foundOr(await store.findPerson(tx, caseId, personId), 'Orang tidak ditemukan dalam kasus ini');
      const stored = await store.insertReferral(tx, {
        id,
        caseId,
        personId,
        ...content,
        createdBy: principal.user.id,
        now,
      });
      if (!stored) throw new ClientIdTaken();
      await recordCaseStep(tx, principal, caseId, {
        kind: 'referral_created',
        details: { referralId: id, personId, service: content.service },
        at: now,
        action: 'referral.created',
      });
      return toReferralView((await store.findReferral(tx, id))!, true, now);
    },
  });
}

/** Follows a referral up: accepted, done (completion stamped) or cancelled; never back. */
export async function updateReferral(
  deps: CaseDeps,
  principal: Principal,
  referralId: string,
  input: ReferralUpdate,
): Promise<ReferralView> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    refuseMitra(principal);
    const referral = foundOr(await store.findReferral(tx, referralId), 'Rujukan tidak ditemukan');
    const current = await requireOpenCase(tx, principal, referral.caseId, 'case.people');
    if (!canMoveReferral(referral.status, input.status)) {
      throw new DomainError(
        'invalid_transition',
        `Rujukan berstatus ${referral.status} tidak dapat menjadi ${input.status}`,
        {
          allowed: nextReferralStatuses(referral.status),
        },
      );
    }
    if (!(await store.updateReferralStatus(tx, referralId, referral.status, input.status, input.note, now))) {
      throw new DomainError('version_conflict', 'Rujukan sudah diubah orang lain; muat ulang lalu ulangi');
    }
    await recordCaseStep(tx, principal, referral.caseId, {
      kind: 'referral_updated',
      details: { referralId, from: referral.status, to: input.status },
      at: now,
      action: 'referral.updated',
    });
    // A province user overseeing a case they do not handle moves a referral without reading its note.
    const isHandler = isCaseHandler(principal.actor, current);
    return toReferralView((await store.findReferral(tx, referralId))!, isHandler, now);
  });
}

/** The referrals of a case, people by id and group only. */
export async function listReferrals(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
): Promise<ReferralView[]> {
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const { isHandler } = await requireSeenCase(tx, principal, caseId);
    return (await store.listReferrals(tx, caseId)).map((r) => toReferralView(r, isHandler, now));
  });
}

/** Counts by vulnerable group: what the case's reports say, and how many people are named in the case. */
export async function summarizeVulnerable(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
): Promise<VulnerableSummary> {
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireSeenCase(tx, principal, caseId);
    const reported = await store.sumReportedVulnerable(tx, caseId);
    const named = await store.countPeopleByGroup(tx, caseId);
    const groups = VULNERABLE_GROUPS.map((group) => {
      const r = reported.find((row) => row.group === group);
      return {
        group,
        harmed: r?.harmed ?? 0,
        displaced: r?.displaced ?? 0,
        atRisk: r?.atRisk ?? 0,
        named: named.find((row) => row.group === group)?.named ?? 0,
      };
    });
    const sum = (key: 'harmed' | 'displaced' | 'atRisk' | 'named') =>
      groups.reduce((total, g) => total + g[key], 0);
    return {
      caseId,
      groups,
      totals: {
        harmed: sum('harmed'),
        displaced: sum('displaced'),
        atRisk: sum('atRisk'),
        named: sum('named'),
      },
    };
  });
}

import { maskName, maskPhone } from '../../../shared/early-warning/alert-rules.ts';
import { can } from '../../../shared/permissions/index.ts';
import { isWithin, levelOfCode, searchKey } from '../../../shared/regions.ts';
import { toWibIso } from '../../../shared/time.ts';
import { appendAudit, logAccess } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { authorize, requireInScope } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { findCase } from '../cases/cases-service.ts';
import { findRegion } from '../regions/regions-service.ts';
import { findKnownReportIds } from '../reports/reports-service.ts';
import * as store from './groups-store.ts';

export type GroupDeps = { db: Database; clock: Clock };

/** Staff who may read the register (and its agreements). */
export const requireStaff = (p: Principal) =>
  authorize(p, 'group.view', 'Peran Anda tidak mengakses daftar kelompok');

// ── Groups ───────────────────────────────────────────────────────────────────────────────────────

export async function listGroups(
  deps: GroupDeps,
  principal: Principal,
  filter: { kind?: string; isActiveOnly: boolean },
) {
  requireStaff(principal);
  return deps.db.asActor(principal.actor, (tx) => store.listGroups(tx, filter));
}

/** Registers a group; the same name (ignoring case, spaces and punctuation) twice is a conflict. */
export async function createGroup(
  deps: GroupDeps,
  principal: Principal,
  input: { kind: store.GroupRecord['kind']; name: string; shortName: string; description: string },
): Promise<store.GroupRecord> {
  requireStaff(principal);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const nameKey = searchKey(input.name);
    if (await store.findGroupIdByKey(tx, nameKey))
      throw new DomainError('conflict', `Kelompok ${input.name} sudah terdaftar`);
    const id = await store.insertGroup(tx, { ...input, nameKey, createdBy: principal.user.id, now });
    await appendAudit(tx, principal, 'actor_group.created', id, { kind: input.kind });
    return (await store.findGroup(tx, id))!;
  });
}

export async function updateGroup(
  deps: GroupDeps,
  principal: Principal,
  id: string,
  change: { name?: string; shortName?: string; description?: string; isActive?: boolean },
): Promise<store.GroupRecord> {
  authorize(principal, 'group.keep', 'Hanya koordinator, provinsi atau admin yang mengubah kelompok');
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    foundOr(await store.findGroup(tx, id), 'Kelompok tidak ditemukan');
    // A koordinator keeps the groups of their Bakorwil; one present beyond it is the province's to edit.
    if (principal.user.role === 'koordinator' && !(await store.isGroupWithinScope(tx, id))) {
      throw new DomainError(
        'forbidden',
        'Kelompok ini juga ada di luar wilayah Anda: perubahan dilakukan oleh provinsi atau admin',
      );
    }
    const nameKey = change.name ? searchKey(change.name) : undefined;
    if (nameKey) {
      const other = await store.findGroupIdByKey(tx, nameKey);
      if (other && other !== id) throw new DomainError('conflict', `Kelompok ${change.name} sudah terdaftar`);
    }
    await store.updateGroup(tx, id, { ...change, nameKey, now });
    await appendAudit(tx, principal, 'actor_group.updated', id, { fields: Object.keys(change) });
    return (await store.findGroup(tx, id))!;
  });
}

/** A group with its branches in the principal's scope (contacts masked), rivalries and agreements. */
export async function getGroup(deps: GroupDeps, principal: Principal, id: string) {
  requireStaff(principal);
  return deps.db.asActor(principal.actor, async (tx) => {
    const group = foundOr(await store.findGroup(tx, id), 'Kelompok tidak ditemukan');
    return {
      ...group,
      branches: (await store.listBranches(tx, { groupId: id, limit: 500 })).map((b) => maskBranch(b)),
      rivalries: await store.listRivalries(tx, id),
      agreements: (await store.listAgreements(tx, { groupId: id, limit: 100 })).map(toAgreementView),
    };
  });
}

export async function requireGroups(tx: Tx, ids: readonly string[]): Promise<store.GroupRecord[]> {
  const unique = [...new Set(ids)];
  const found = await store.findGroupsByIds(tx, unique);
  if (found.length !== unique.length) {
    const missing = unique.filter((id) => !found.some((g) => g.id === id));
    throw new DomainError('not_found', `Kelompok tidak ditemukan: ${missing.join(', ')}`);
  }
  return found;
}

// ── Branches and their contact persons (personal data) ─────────────────────────────────────────

/** Who sees a branch's contact person whole: its kab/kota's operators (scope decides), provinsi and admin. */
function canSeeContacts(principal: Principal, branch: { regionCode: string }): boolean {
  if (!can(principal.user.role, 'group.contacts')) return false;
  // Of the roles allowed, an operator sees only their own kab/kota's contacts; the others oversee the province.
  const province = principal.user.role !== 'operator';
  return province || principal.actor.scope.some((prefix) => isWithin(branch.regionCode, prefix));
}

function maskBranch(b: store.BranchRecord): store.BranchRecord & { isMasked: boolean } {
  return {
    ...b,
    contactName: b.contactName ? maskName(b.contactName) : null,
    contactPhone: b.contactPhone ? maskPhone(b.contactPhone) : null,
    isMasked: true,
  };
}

/** Adds a cabang (kab/kota) or ranting (kecamatan) of a group in the principal's scope. */
export async function addBranch(
  deps: GroupDeps,
  principal: Principal,
  groupId: string,
  input: {
    level: 'cabang' | 'ranting';
    regionCode: string;
    name: string;
    contactName?: string | null;
    contactPhone?: string | null;
    address?: string | null;
  },
) {
  requireStaff(principal);
  const expected = input.level === 'cabang' ? 'kabkota' : 'kecamatan';
  if (levelOfCode(input.regionCode) !== expected) {
    throw new DomainError(
      'validation_failed',
      `Wilayah ${input.level} harus kode ${expected === 'kabkota' ? 'kab/kota' : 'kecamatan'}`,
    );
  }
  requireInScope(principal, input.regionCode);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireGroups(tx, [groupId]);
    if (!(await findRegion(tx, input.regionCode))) {
      throw new DomainError('validation_failed', `Kode wilayah ${input.regionCode} tidak dikenal`);
    }
    const id = await store.insertBranch(tx, {
      groupId,
      level: input.level,
      regionCode: input.regionCode,
      name: input.name,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      address: input.address ?? null,
      createdBy: principal.user.id,
      now,
    });
    await appendAudit(
      tx,
      principal,
      'actor_group.branch_added',
      { type: 'actor_group_branch', id },
      { groupId, regionCode: input.regionCode },
    );
    return maskBranch((await store.findBranch(tx, id))!);
  });
}

/** Branches in the principal's scope; contact persons always masked in lists (minimisation). */
export async function listBranches(
  deps: GroupDeps,
  principal: Principal,
  filter: { groupId?: string; regionCode?: string; limit: number },
) {
  requireStaff(principal);
  return deps.db.asActor(principal.actor, async (tx) =>
    (await store.listBranches(tx, filter)).map(maskBranch),
  );
}

/** One branch: whole for those who may see its contact (the view is access-logged), masked for the others. */
export async function getBranch(deps: GroupDeps, principal: Principal, id: string) {
  requireStaff(principal);
  return deps.db.asActor(principal.actor, async (tx) => {
    const branch = foundOr(await store.findBranch(tx, id), 'Cabang/ranting tidak ditemukan');
    if (!canSeeContacts(principal, branch)) return maskBranch(branch);
    if (branch.contactName || branch.contactPhone) {
      await logAccess(tx, principal.user.id, { type: 'actor_group_branch', id }, 'lihat kontak pengurus');
    }
    return { ...branch, isMasked: false };
  });
}

// ── Rivalries ────────────────────────────────────────────────────────────────────────────────────

export async function listRivalries(deps: GroupDeps, principal: Principal) {
  requireStaff(principal);
  return deps.db.asActor(principal.actor, (tx) => store.listRivalries(tx));
}

/** Records (or updates) the rivalry between two groups. */
export async function saveRivalry(
  deps: GroupDeps,
  principal: Principal,
  input: {
    groupIds: [string, string];
    intensity: 'rendah' | 'sedang' | 'tinggi';
    status: 'aktif' | 'mereda';
    note: string;
  },
): Promise<store.RivalryRecord> {
  authorize(principal, 'group.keep', 'Hanya koordinator, provinsi atau admin yang mencatat rivalitas');
  const [first, second] = input.groupIds;
  if (first === second) throw new DomainError('validation_failed', 'Rivalitas butuh dua kelompok berbeda');
  const [groupA, groupB] = first < second ? [first, second] : [second, first];
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireGroups(tx, [groupA, groupB]);
    const id = await store.upsertRivalry(tx, {
      groupA,
      groupB,
      intensity: input.intensity,
      status: input.status,
      note: input.note,
      createdBy: principal.user.id,
      now,
    });
    await appendAudit(
      tx,
      principal,
      'actor_group.rivalry_saved',
      { type: 'actor_group_rivalry', id },
      {
        intensity: input.intensity,
        status: input.status,
      },
    );
    return (await store.findRivalry(tx, id))!;
  });
}

// ── Groups named in reports and cases ──────────────────────────────────────────────────────────

/** Refuses a report or case the actor cannot see or that does not exist. */
async function requireSubject(tx: Tx, subject: 'report' | 'case', id: string): Promise<void> {
  const found =
    subject === 'report' ? (await findKnownReportIds(tx, [id])).length > 0 : await findCase(tx, id);
  if (!found) {
    throw new DomainError(
      'not_found',
      subject === 'report' ? 'Laporan tidak ditemukan' : 'Kasus tidak ditemukan',
    );
  }
}

/** Sets the groups a report or case names; the record must be visible to the principal. */
export async function setLinkedGroups(
  deps: GroupDeps,
  principal: Principal,
  subject: 'report' | 'case',
  id: string,
  groupIds: string[],
): Promise<store.GroupRecord[]> {
  requireStaff(principal);
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireSubject(tx, subject, id);
    await requireGroups(tx, groupIds);
    await store.replaceLinkedGroups(tx, subject, id, groupIds);
    await appendAudit(tx, principal, `${subject}.groups_set`, { type: subject, id }, { groupIds });
    return store.listLinkedGroups(tx, subject, id);
  });
}

export async function listLinkedGroups(
  deps: GroupDeps,
  principal: Principal,
  subject: 'report' | 'case',
  id: string,
) {
  requireStaff(principal);
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireSubject(tx, subject, id);
    return store.listLinkedGroups(tx, subject, id);
  });
}

/** A peace agreement as the API shows it (its own list and a group's page). */
export function toAgreementView(a: store.AgreementRecord) {
  return {
    ...a,
    createdAt: toWibIso(a.createdAt),
    breaches: a.breaches.map((b) => ({ ...b, notedAt: toWibIso(new Date(b.notedAt)) })),
  };
}

import { can } from '../../../shared/permissions/index.ts';
import { checkNik, nameKey, normalizePhone, tidyName } from '../../../shared/pillars/pillar-identity.ts';
import {
  currentAvailability,
  type ListItem,
  type Pillar,
  PillarChanges,
  PillarInput,
} from '../../../shared/pillars/pillar-schema.ts';
import { maskColumn } from '../../../shared/privacy/masks.ts';
import { kabkotaOf } from '../../../shared/region-codes.ts';
import { toWibIso, toWibIsoOrNull } from '../../../shared/time.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { appendAudit, logAccess } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataCipher } from '../../platform/crypto.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr, invalidField } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { notifyCovering } from '../notifications/notifications-service.ts';
import { findRegion } from '../regions/regions-service.ts';
import * as dispatch from './pillar-users-store.ts';
import * as store from './pillars-store.ts';

export type PillarDeps = { db: Database; clock: Clock; cipher: DataCipher };

/**
 * True when the principal keeps the registry for `regionCode` (`pillar.manage`, within scope): they see NIK and
 * phone unmasked, create, edit and import. Readers without it see coordinators' masked view, a relawan their own.
 */
export function managesRegion(principal: Principal, regionCode: string): boolean {
  return can(principal.user.role, 'pillar.manage') && isInViewerScope(principal.actor, regionCode);
}

export function requireReader(principal: Principal): void {
  authorize(principal, 'pillar.view', 'Peran Anda tidak dapat melihat data pilar sosial');
}

function requireManagerRole(principal: Principal): void {
  authorize(
    principal,
    'pillar.manage',
    'Hanya operator, provinsi atau admin yang dapat mengelola data pilar',
  );
}

export function requireAdmin(principal: Principal): void {
  authorize(principal, 'pillar.configure', 'Hanya admin yang dapat mengubah ini');
}

/**
 * A stored pillar as the API shows it. `reveal` decides whether NIK and phone are shown whole; the NIK is
 * masked in lists even for managers (minimisation) and shown whole on a manager's detail view only.
 */
function toPillar(
  record: store.PillarRecord,
  cipher: DataCipher,
  now: Date,
  reveal: { nik: boolean; phone: boolean },
): Pillar {
  const nik = record.nikEncrypted ? cipher.decrypt(record.nikEncrypted) : null;
  return {
    id: record.id,
    pillarType: record.pillarType,
    name: record.name,
    nik: reveal.nik ? nik : maskColumn('pillars', 'nik_encrypted', nik),
    phone: reveal.phone ? record.phone : maskColumn('pillars', 'phone', record.phone),
    isMasked: !(reveal.nik && reveal.phone),
    homeRegionCode: record.homeRegionCode,
    homeRegionName: record.homeRegionName,
    kecamatanCode: record.kecamatanCode,
    kabkotaCode: record.kabkotaCode,
    skills: record.skills,
    trainings: record.trainings,
    status: record.status,
    availability: record.availability,
    availabilityUntil: toWibIsoOrNull(record.availabilityUntil),
    currentAvailability: currentAvailability(record.availability, record.availabilityUntil, now),
    userId: record.userId,
    version: record.version,
    createdAt: toWibIso(record.createdAt),
    updatedAt: toWibIso(record.updatedAt),
  };
}

export type ListQuery = Omit<store.PillarFilter, 'now' | 'nameKey'> & { q?: string };

/** Lists the pillars the principal may see, with filters and name search; NIK always masked here. */
export async function listPillars(
  deps: PillarDeps,
  principal: Principal,
  query: ListQuery,
): Promise<{ items: Pillar[]; total: number }> {
  requireReader(principal);
  const now = deps.clock.now();
  const key = query.q ? nameKey(query.q) : undefined;
  const { rows, total } = await deps.db.asActor(principal.actor, (tx) =>
    store.listPillars(tx, { ...query, nameKey: key || undefined, now }),
  );
  return {
    items: rows.map((row) =>
      toPillar(row, deps.cipher, now, { nik: false, phone: managesRegion(principal, row.homeRegionCode) }),
    ),
    total,
  };
}

/** One pillar: whole for its managers (the view is logged), masked for anyone else who may see it. */
export async function getPillar(deps: PillarDeps, principal: Principal, id: string): Promise<Pillar> {
  requireReader(principal);
  return deps.db.asActor(principal.actor, async (tx) => {
    const record = foundOr(await store.findPillar(tx, id), 'Pilar tidak ditemukan');
    const isManager = managesRegion(principal, record.homeRegionCode);
    if (isManager && (record.nikEncrypted || record.phone)) {
      await logAccess(tx, principal.user.id, { type: 'pillar', id }, 'lihat data pilar');
    }
    return toPillar(record, deps.cipher, deps.clock.now(), { nik: isManager, phone: isManager });
  });
}

type Fields = ReturnType<typeof PillarInput.parse>;

/** Checks and seals the fields of a pillar for storage; `selfId` is the pillar being edited, if any. */
async function toWrite(
  tx: Tx,
  deps: PillarDeps,
  principal: Principal,
  fields: Fields,
  selfId: string | null,
): Promise<{ row: store.PillarWrite; registeredElsewhere: boolean }> {
  if ((await store.findRegionLevel(tx, fields.homeRegionCode)) !== 'desa') {
    throw invalidField('homeRegionCode', `Kode desa/kelurahan ${fields.homeRegionCode} tidak dikenal`);
  }
  if (!managesRegion(principal, fields.homeRegionCode)) {
    throw new DomainError('forbidden', 'Desa ini di luar wilayah kerja Anda');
  }
  const types = await store.listItems(tx, 'types');
  if (!types.some((type) => type.code === fields.pillarType && type.isActive)) {
    throw invalidField('pillarType', `Jenis pilar tidak dikenal: ${fields.pillarType}`);
  }
  const skills = await store.listItems(tx, 'skills');
  const unknownSkill = fields.skills.find((skill) => !skills.some((known) => known.code === skill));
  if (unknownSkill) throw invalidField('skills', `Keahlian tidak dikenal: ${unknownSkill}`);

  let nikEncrypted: Buffer | null = null;
  let nikHash: string | null = null;
  let registeredElsewhere = false;
  if (fields.nik && fields.nik.trim() !== '') {
    const kecamatan = new Set(await store.listKecamatanCodes(tx));
    const checked = checkNik(fields.nik, (code) => kecamatan.has(code));
    if (!checked.ok) throw invalidField('nik', checked.message);
    nikHash = deps.cipher.keyedHash(checked.nik);
    const taken = (await store.findCandidates(tx, [nikHash], [])).filter(
      (candidate) => candidate.nikHash === nikHash && candidate.id !== selfId,
    );
    const seen = taken.find((candidate) => isInViewerScope(principal.actor, candidate.homeRegionCode));
    if (seen) throw new DomainError('conflict', 'NIK ini sudah terdaftar', { pillarId: seen.id });
    // Registered outside the principal's scope: saying so would tell them where a NIK lives. The record is
    // written as any other and the province, who sees both, is told (decision: pillar duplicates elsewhere).
    if (taken.length > 0) registeredElsewhere = true;
    nikEncrypted = deps.cipher.encrypt(checked.nik);
  }
  let phone: string | null = null;
  if (fields.phone && fields.phone.trim() !== '') {
    phone = normalizePhone(fields.phone) ?? null;
    if (!phone) throw invalidField('phone', 'Nomor HP tidak valid (mis. 0812-3456-7890)');
  }
  if (fields.userId && !(await store.userExists(tx, fields.userId))) {
    throw invalidField('userId', 'Akun pengguna tidak ditemukan');
  }
  const name = tidyName(fields.name);
  const row: store.PillarWrite = {
    pillarType: fields.pillarType,
    name,
    nameKey: nameKey(name),
    nikEncrypted,
    nikHash,
    phone,
    homeRegionCode: fields.homeRegionCode,
    skills: [...new Set(fields.skills)],
    trainings: fields.trainings,
    status: fields.status,
    availability: fields.availability,
    availabilityUntil: fields.availabilityUntil ? new Date(fields.availabilityUntil) : null,
    userId: fields.userId,
  };
  return { row, registeredElsewhere };
}

/**
 * Tells the province that a pillar's NIK is also registered in another kab/kota: the writer may not learn
 * that (their scope does not reach the other record), the province sees both and reconciles them.
 */
export async function noteRegisteredElsewhere(
  tx: Tx,
  pillarIds: readonly string[],
  kabkotaCode: string,
): Promise<void> {
  const place = (await findRegion(tx, kabkotaCode))?.name ?? kabkotaCode;
  for (const id of pillarIds) {
    notifyCovering(tx, ['provinsi'], [kabkotaCode], {
      kind: 'pillar.registered_elsewhere',
      subjectType: 'pillar',
      subjectId: id,
      title: `NIK pilar baru di ${place} juga terdaftar di kab/kota lain: periksa dan satukan datanya`,
    });
  }
}

/** Turns a unique violation on the linked user into a conflict the user can act on. */
async function uniqueUser<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if ((error as { code?: string; constraint?: string }).code === '23505') {
      throw new DomainError('conflict', 'Akun pengguna ini sudah terhubung ke pilar lain');
    }
    throw error;
  }
}

/** Registers a pillar in a desa the principal manages. */
export async function createPillar(deps: PillarDeps, principal: Principal, input: unknown): Promise<Pillar> {
  requireManagerRole(principal);
  const fields = PillarInput.parse(input);
  const now = deps.clock.now();
  return uniqueUser(
    deps.db.asActor(principal.actor, async (tx) => {
      const { row, registeredElsewhere } = await toWrite(tx, deps, principal, fields, null);
      const id = await store.insertPillar(tx, { ...row, createdBy: principal.user.id, now });
      if (registeredElsewhere) await noteRegisteredElsewhere(tx, [id], kabkotaOf(row.homeRegionCode) ?? '35');
      await appendAudit(tx, principal, 'pillar.created', id, { pillarType: row.pillarType });
      return toPillar((await store.findPillar(tx, id))!, deps.cipher, now, { nik: true, phone: true });
    }),
  );
}

/** Changes a pillar from the version the editor saw. */
export async function updatePillar(
  deps: PillarDeps,
  principal: Principal,
  id: string,
  input: PillarChanges,
): Promise<Pillar> {
  requireReader(principal);
  const { version, ...changes } = PillarChanges.parse(input);
  const now = deps.clock.now();
  return uniqueUser(
    deps.db.asActor(principal.actor, async (tx) => {
      const current = foundOr(await store.findPillar(tx, id), 'Pilar tidak ditemukan');
      if (!managesRegion(principal, current.homeRegionCode)) {
        throw new DomainError('forbidden', 'Hanya pengelola wilayah ini yang dapat mengubah data pilar');
      }
      if (current.version !== version) {
        throw new DomainError(
          'version_conflict',
          'Data pilar sudah diubah orang lain; muat ulang lalu ulangi',
          {
            currentVersion: current.version,
          },
        );
      }
      const before = {
        pillarType: current.pillarType,
        name: current.name,
        nik: current.nikEncrypted ? deps.cipher.decrypt(current.nikEncrypted) : null,
        phone: current.phone,
        homeRegionCode: current.homeRegionCode,
        skills: current.skills,
        trainings: current.trainings,
        status: current.status,
        availability: current.availability,
        availabilityUntil: current.availabilityUntil ? current.availabilityUntil.toISOString() : null,
        userId: current.userId,
      };
      const fields = PillarInput.parse({ ...before, ...changes });
      const { row, registeredElsewhere } = await toWrite(tx, deps, principal, fields, id);
      if (registeredElsewhere) await noteRegisteredElsewhere(tx, [id], kabkotaOf(row.homeRegionCode) ?? '35');
      if (!(await store.updatePillar(tx, id, version, row, now))) {
        throw new DomainError(
          'version_conflict',
          'Data pilar sudah diubah orang lain; muat ulang lalu ulangi',
        );
      }
      const changed = Object.keys(changes).filter(
        (key) =>
          JSON.stringify(before[key as keyof typeof before]) !==
          JSON.stringify(changes[key as keyof typeof changes]),
      );
      await appendAudit(tx, principal, 'pillar.updated', id, { version: version + 1, fields: changed });
      return toPillar((await store.findPillar(tx, id))!, deps.cipher, now, { nik: true, phone: true });
    }),
  );
}

/** Removes a pillar from the registry (a mistake, or erasure on request). */
export async function deletePillar(deps: PillarDeps, principal: Principal, id: string): Promise<void> {
  requireReader(principal);
  await deps.db.asActor(principal.actor, async (tx) => {
    const current = foundOr(await store.findPillar(tx, id), 'Pilar tidak ditemukan');
    if (!managesRegion(principal, current.homeRegionCode) || !(await store.deletePillar(tx, id))) {
      throw new DomainError('forbidden', 'Hanya pengelola wilayah ini yang dapat menghapus data pilar');
    }
    await appendAudit(tx, principal, 'pillar.deleted', id);
  });
}

// ── Editable lists ────────────────────────────────────────────────────────────────────────────

export async function listItems(deps: Pick<PillarDeps, 'db'>, principal: Principal, kind: store.ListKind) {
  requireReader(principal);
  return deps.db.asActor(principal.actor, (tx) => store.listItems(tx, kind));
}

/** Adds or changes an entry of the pillar types or skills (admin). Codes never change once used. */
export async function saveItem(
  deps: Pick<PillarDeps, 'db'>,
  principal: Principal,
  kind: store.ListKind,
  item: ListItem,
): Promise<ListItem[]> {
  requireAdmin(principal);
  return deps.db.asActor(principal.actor, async (tx) => {
    await store.upsertItem(tx, kind, item);
    await appendAudit(
      tx,
      principal,
      kind === 'types' ? 'pillar_type.saved' : 'pillar_skill.saved',
      { type: kind === 'types' ? 'pillar_type' : 'pillar_skill', id: item.code },
      { isActive: item.isActive },
    );
    return store.listItems(tx, kind);
  });
}

/** Pillars a case may be sent, inside the caller's transaction (cases/dispatch-service.ts ranks them). */
export function listDispatchCandidates(
  tx: Tx,
  area: Parameters<typeof dispatch.listDispatchCandidates>[1],
): Promise<dispatch.DispatchCandidate[]> {
  return dispatch.listDispatchCandidates(tx, area);
}

/** A pillar's user account inside the caller's transaction: null without one, undefined for no such pillar. */
export function findPillarUserId(tx: Tx, pillarId: string): Promise<string | null | undefined> {
  return dispatch.findPillarUserId(tx, pillarId);
}

import {
  ancestorCodes,
  kabkotaOf,
  type Region,
  type RegionDetail,
  searchKey,
} from '../../../shared/regions.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { type Acting, authorizeActing } from '../../platform/permissions.ts';
import { DEFAULT_BAKORWIL, readJatimRegions } from './regions-data.ts';
import * as store from './regions-store.ts';

const IMPORT_CHUNK = 1000;

/**
 * Loads Jawa Timur's regions and the default Bakorwil when they are missing. Commits chunk by chunk,
 * so a first start keeps answering requests while it loads.
 */
export async function ensureRegions(db: Database): Promise<{ inserted: number }> {
  const counts = await db.asSystem((tx) => store.countRegionsByLevel(tx));
  const all = readJatimRegions();
  let inserted = 0;
  if (
    (counts.desa ?? 0) + (counts.kecamatan ?? 0) + (counts.kabkota ?? 0) + (counts.provinsi ?? 0) <
    all.length
  ) {
    for (let start = 0; start < all.length; start += IMPORT_CHUNK) {
      const chunk = all
        .slice(start, start + IMPORT_CHUNK)
        .map((row) => ({ ...row, searchKey: searchKey(row.name) }));
      await db.asSystem((tx) => store.insertRegions(tx, chunk));
      inserted += chunk.length;
    }
  }
  await db.asSystem(async (tx) => {
    if ((await store.countBakorwil(tx)) > 0) return;
    for (const bakorwil of DEFAULT_BAKORWIL) {
      await store.upsertBakorwil(tx, bakorwil);
      await store.setBakorwilMembers(tx, bakorwil.id, bakorwil.members);
    }
    await appendAudit(tx, SYSTEM_ACTOR, 'bakorwil.defaults_loaded', '*');
  });
  return { inserted };
}

/** One region by code, inside the caller's transaction: how other modules look a region up. */
export function findRegion(tx: Tx, code: string): Promise<Region | undefined> {
  return store.findRegion(tx, code);
}

/** The regions of these codes that exist, inside the caller's transaction. */
export function findRegions(tx: Tx, codes: readonly string[]): Promise<Region[]> {
  return store.listRegionsByCodes(tx, codes);
}

/** One Bakorwil by id, inside the caller's transaction. */
export function findBakorwil(tx: Tx, id: string): Promise<{ id: string; name: string } | undefined> {
  return store.findBakorwil(tx, id);
}

export async function listChildren(db: Database, parentCode: string): Promise<Region[]> {
  return db.asSystem((tx) => store.listChildRegions(tx, parentCode));
}

/** Finds regions by a name as people type it: case, spaces and punctuation do not matter. */
export async function searchRegionsByName(db: Database, text: string, limit = 20): Promise<Region[]> {
  const key = searchKey(text);
  if (key.length < 2) return [];
  return db.asSystem((tx) => store.searchRegions(tx, key, limit));
}

/** A region with its ancestors (province first) and its Bakorwil; throws not_found. */
export async function getRegionDetail(db: Database, code: string): Promise<RegionDetail> {
  return db.asSystem(async (tx) => {
    const region = foundOr(await store.findRegion(tx, code), `Wilayah ${code} tidak ditemukan`);
    const ancestors = await store.listRegionsByCodes(tx, ancestorCodes(code));
    const kabkota = kabkotaOf(code);
    const bakorwil = kabkota ? ((await store.findBakorwilOfKabkota(tx, kabkota)) ?? null) : null;
    return { ...region, ancestors, bakorwil };
  });
}

export async function listBakorwil(db: Database): Promise<store.Bakorwil[]> {
  return db.asSystem((tx) => store.listBakorwil(tx));
}

/** Changes a Bakorwil's name, seat and member kab/kota (admin). */
export async function updateBakorwil(
  db: Database,
  acting: Acting,
  input: { id: string; name: string; seat: string; members: string[] },
): Promise<store.Bakorwil> {
  const actor = authorizeActing(acting, 'region.edit');
  return db.asSystem(async (tx) => {
    const known = await store.listRegionsByCodes(tx, input.members);
    const unknown = input.members.filter(
      (code) => !known.some((r) => r.code === code && r.level === 'kabkota'),
    );
    if (unknown.length > 0) {
      throw new DomainError('validation_failed', `Bukan kode kab/kota: ${unknown.join(', ')}`);
    }
    await store.upsertBakorwil(tx, input);
    await store.setBakorwilMembers(tx, input.id, input.members);
    await appendAudit(tx, actor, 'bakorwil.updated', input.id, { members: input.members });
    return (await store.listBakorwil(tx)).find((b) => b.id === input.id)!;
  });
}

// The provocation watch's items and sightings: recording (one item however often it is seen), screenshots,
// assessment, links to reports and cases, and the item as staff see it.
import { createHash } from 'node:crypto';
import { can } from '../../../shared/permissions/index.ts';
import { normaliseLink } from '../../../shared/provocation/links.ts';
import {
  computeSpread,
  EVENT_NEAR_DAYS,
  itemTitle,
  maskAccount,
  responseDueAt,
} from '../../../shared/provocation/provocation-rules.ts';
import type {
  AssessInput,
  ItemDetail,
  ItemList,
  SightingCreated,
  SightingInput,
} from '../../../shared/provocation/provocation-schema.ts';
import {
  hammingDistance,
  MIN_MATCH_CHARS,
  normaliseText,
  SAME_IMAGE_DISTANCE,
  SAME_TEXT_SIMILARITY,
} from '../../../shared/provocation/text-match.ts';
import { kabkotaOf } from '../../../shared/region-codes.ts';
import { kecamatanOf } from '../../../shared/regions.ts';
import { toWibIso, wibDate } from '../../../shared/time.ts';
import { isInViewerScope } from '../../../shared/visibility.ts';
import { auditAbout, logAccess } from '../../platform/audit.ts';
import { ClientIdTaken, createOnce } from '../../platform/client-ids.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { DomainError, foundAs, foundOr } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { reencodeImage } from '../../platform/uploads.ts';
import { differenceHash } from './image-hash.ts';
import { findMergeTarget } from './merge-store.ts';
import * as store from './provocation-store.ts';
import * as response from './response-store.ts';

/** An audit entry about a content item (the provocation module's actions name the item they change). */
export const auditItem = auditAbout('provocation_item');

export type ProvocationDeps = { db: Database; clock: Clock };

/** The largest screenshot accepted; it is decoded and encoded again like a report's photo. */
export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;

type ParsedSighting = Omit<SightingInput, 'links' | 'groupIds'> & { links: string[]; groupIds: string[] };

function checkRegions(principal: Principal, codes: readonly string[]): void {
  const outside = codes.filter((c) => !isInViewerScope(principal.actor, c));
  if (outside.length > 0) {
    throw new DomainError('validation_failed', `Wilayah di luar cakupan Anda: ${outside.join(', ')}`);
  }
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const kabkotaOfAll = (codes: readonly string[]) => unique(codes.map((c) => kabkotaOf(c) ?? c)).sort();

export async function requireItem(tx: Tx, id: string, lock = false): Promise<store.ItemRow> {
  return foundOr(await store.findItem(tx, id, lock), 'Konten tidak ditemukan');
}

/**
 * Records one sighting. It joins the item that already has one of its normalised links, else the item whose
 * text is near-identical (after forward headers, emoji and spacing are removed), else it starts a new item. Only
 * items the recorder sees are candidates, so the answer tells nothing about other regions. A retry with the same
 * id and the same content answers the first result.
 */
export async function recordSighting(
  deps: ProvocationDeps,
  principal: Principal,
  input: ParsedSighting,
): Promise<SightingCreated> {
  authorize(principal, 'provocation.record');
  checkRegions(principal, input.regionCodes);
  const linkKeys = unique(input.links.map(normaliseLink).filter((l): l is string => l !== undefined));
  if (input.links.length > 0 && linkKeys.length === 0 && !input.text) {
    throw new DomainError('validation_failed', 'Tautan tidak dikenali: tulis alamat lengkap (https://…)');
  }
  const textKey = input.text ? normaliseText(input.text) : '';
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const seenAt = new Date(input.seenAt);
  const now = deps.clock.now();
  const regionCodes = unique(input.regionCodes).sort();
  const kabkotaCodes = kabkotaOfAll(regionCodes);
  // A retry with the same id answers the first result; with other content, a 409.
  const answerAgain = (earlier: store.SightingRequest): SightingCreated => {
    if (earlier.requestHash !== requestHash) throw new DomainError('conflict', SIGHTING_ID_TAKEN);
    return { id: input.id, itemId: earlier.itemId, merged: earlier.merged };
  };
  return createOnce(deps.db, principal.actor, 'Penampakan', {
    taken: SIGHTING_ID_TAKEN,
    earlier: async (tx) => {
      const earlier = await store.findSightingRequest(tx, input.id);
      return earlier && answerAgain(earlier);
    },
    create: async (tx) => {
      let itemId = await store.findItemByLink(tx, linkKeys);
      if (!itemId && textKey.length >= MIN_MATCH_CHARS) {
        itemId = await store.findItemByText(tx, textKey, SAME_TEXT_SIMILARITY);
      }
      const merged = itemId !== undefined;
      if (itemId) {
        await store.spreadItem(tx, itemId, { regionCodes, kabkotaCodes, seenAt, now });
      } else {
        itemId = await store.insertItem(tx, {
          title: itemTitle(input.text ?? null, linkKeys[0] ?? input.links[0] ?? null),
          platform: input.platform,
          regionCodes,
          kabkotaCodes,
          seenAt,
          createdBy: principal.user.id,
          now,
        });
      }
      const inserted = await store.insertSighting(tx, {
        id: input.id,
        itemId,
        platform: input.platform,
        links: input.links,
        linkKeys,
        text: input.text ?? null,
        textKey,
        seenAt,
        regionCodes,
        kabkotaCodes,
        posterAccount: input.posterAccount ?? null,
        reportId: input.reportId ?? null,
        requestHash,
        merged,
        reportedBy: principal.user.id,
        now,
      });
      // The same id committed meanwhile (the same sighting sent twice at once): this transaction's work goes.
      if (!inserted) throw new ClientIdTaken();
      const missing = await store.addGroups(tx, itemId, input.groupIds);
      if (missing.length > 0)
        throw new DomainError('not_found', `Kelompok tidak ditemukan: ${missing.join(', ')}`);
      if (input.reportId) await linkReportIn(tx, itemId, input.reportId);
      await auditItem(tx, principal, 'provocation.sighting_recorded', itemId, {
        sightingId: input.id,
        merged,
      });
      return { id: input.id, itemId, merged };
    },
  });
}

const SIGHTING_ID_TAKEN = 'Id penampakan ini sudah dipakai untuk isi yang berbeda';

async function linkReportIn(tx: Tx, itemId: string, reportId: string): Promise<void> {
  if (!(await store.reportVisible(tx, reportId)))
    throw new DomainError('not_found', 'Laporan tidak ditemukan');
  await store.linkReport(tx, itemId, reportId);
}

/**
 * Stores a sighting's screenshot, re-encoded without metadata, with its perceptual hash. When the sighting is
 * alone in its item and the screenshot is the same image as one in another item the recorder sees, the sighting
 * joins that item (and its own item goes). A retried upload of the same image answers the same.
 */
export async function addScreenshot(
  deps: ProvocationDeps,
  principal: Principal,
  sightingId: string,
  body: Buffer,
): Promise<{ id: string; itemId: string; merged: boolean; contentType: string; byteSize: number }> {
  authorize(principal, 'provocation.record');
  if (body.length > MAX_SCREENSHOT_BYTES)
    throw new DomainError('payload_too_large', 'Tangkapan layar maksimal 5 MB');
  const { contentType, bytes } = await reencodeImage(body);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const hash = await differenceHash(bytes);
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const sighting = foundOr(await store.findSighting(tx, sightingId), 'Penampakan tidak ditemukan');
    const answer = (itemId: string, merged: boolean) => ({
      id: sightingId,
      itemId,
      merged,
      contentType,
      byteSize: bytes.length,
    });
    if (sighting.screenshotSha256) {
      if (sighting.screenshotSha256 === sha256) return answer(sighting.itemId, false);
      throw new DomainError('conflict', 'Penampakan ini sudah punya tangkapan layar lain');
    }
    await store.setScreenshot(tx, sightingId, { bytes, contentType, sha256, hash });
    let itemId = sighting.itemId;
    let merged = false;
    if ((await store.countSightings(tx, itemId)) === 1) {
      const candidates = await store.listImageHashes(tx, itemId);
      const best = candidates
        .map((c) => ({ ...c, distance: hammingDistance(c.hash, hash) }))
        .filter((c) => c.distance <= SAME_IMAGE_DISTANCE)
        .sort((a, b) => a.distance - b.distance)[0];
      if (best) {
        await store.moveSighting(tx, sightingId, itemId, best.itemId);
        await store.markMerged(tx, sightingId);
        await store.spreadItem(tx, best.itemId, {
          regionCodes: sighting.regionCodes,
          kabkotaCodes: kabkotaOfAll(sighting.regionCodes),
          seenAt: sighting.seenAt,
          now,
        });
        itemId = best.itemId;
        merged = true;
      }
    }
    await auditItem(tx, principal, 'provocation.screenshot_added', itemId, { sightingId, merged });
    return answer(itemId, merged);
  });
}

/** A screenshot, only for staff who see its item. */
export async function getScreenshot(
  deps: ProvocationDeps,
  principal: Principal,
  sightingId: string,
): Promise<{ bytes: Buffer; contentType: string }> {
  authorize(principal, 'provocation.view');
  return foundAs(
    deps,
    principal,
    (tx) => store.getScreenshot(tx, sightingId),
    'Tangkapan layar tidak ditemukan',
  );
}

export async function listItems(
  deps: ProvocationDeps,
  principal: Principal,
  filter: store.ItemFilter,
): Promise<ItemList> {
  authorize(principal, 'provocation.view');
  return deps.db.asActor(principal.actor, async (tx) => ({
    items: (await store.listItems(tx, filter)).map(store.summary) as ItemList['items'],
  }));
}

/** Items a report is linked to: what the report page shows beside its offer to attach or create one. */
export async function listItemsOfReport(
  deps: ProvocationDeps,
  principal: Principal,
  reportId: string,
): Promise<ItemList> {
  authorize(principal, 'provocation.view');
  return deps.db.asActor(principal.actor, async (tx) => ({
    items: (await store.listItemsOfReport(tx, reportId)).map(store.summary) as ItemList['items'],
  }));
}

export async function itemView(tx: Tx, principal: Principal, item: store.ItemRow): Promise<ItemDetail> {
  const sightings = await store.listSightings(tx, item.id);
  const mayReadPosters = can(principal.user.role, 'provocation.posters');
  if (mayReadPosters && sightings.some((s) => s.posterAccount)) {
    await logAccess(tx, principal.user.id, { type: 'provocation_item', id: item.id }, 'poster_accounts');
  }
  const kecamatan = unique(sightings.flatMap((s) => s.regionCodes.map(kecamatanOf))).filter(
    (c): c is string => c !== undefined,
  );
  const names = await store.regionNames(tx, kecamatan);
  const counterMessages = await response.listCounterMessages(tx, item.id);
  const takedowns = await response.listTakedowns(tx, item.id);
  return {
    ...(store.summary(item) as ItemDetail),
    assessmentNote: item.assessmentNote,
    links: unique(sightings.flatMap((s) => s.links.map((l) => normaliseLink(l) ?? l))),
    sightings: sightings.map((s) => ({
      id: s.id,
      seenAt: toWibIso(s.seenAt),
      platform: s.platform as ItemDetail['platform'],
      links: s.links,
      text: s.text,
      regionCodes: s.regionCodes,
      hasScreenshot: s.hasScreenshot,
      posterAccount: s.posterAccount && !mayReadPosters ? maskAccount(s.posterAccount) : s.posterAccount,
      reportId: s.reportId,
      reportedBy: s.reportedBy,
    })),
    spread: computeSpread(sightings, names, wibDate, toWibIso),
    response: { counterMessages, takedowns },
    reports: await store.listLinkedReports(tx, item.id),
    cases: await store.listLinkedCases(tx, item.id),
    version: item.version,
  };
}

export async function getItem(deps: ProvocationDeps, principal: Principal, id: string): Promise<ItemDetail> {
  authorize(principal, 'provocation.view');
  return deps.db.asActor(principal.actor, async (tx) => {
    // A merged item's address leads to the item it joined (the reply's id tells the page to move there).
    const target = await findMergeTarget(tx, id);
    return itemView(tx, principal, await requireItem(tx, target ?? id));
  });
}

/**
 * Assesses an item (and may name groups or set its outcome). The response deadline starts from now: the
 * assessment's hours, halved when a named group has an active rivalry or a calendar event is near.
 */
export async function assessItem(
  deps: ProvocationDeps,
  principal: Principal,
  id: string,
  input: {
    assessment: AssessInput['assessment'];
    note: string;
    groupIds?: string[];
    outcome?: AssessInput['outcome'];
  },
): Promise<ItemDetail> {
  authorize(principal, 'provocation.assess');
  const now = deps.clock.now();
  return deps.db.asActor(principal.actor, async (tx) => {
    const item = await requireItem(tx, id, true);
    if (input.groupIds) {
      const missing = await store.addGroups(tx, id, input.groupIds);
      if (missing.length > 0)
        throw new DomainError('not_found', `Kelompok tidak ditemukan: ${missing.join(', ')}`);
    }
    const groups = input.groupIds
      ? unique([...item.groups.map((g) => g.id), ...input.groupIds])
      : item.groups.map((g) => g.id);
    const outcome = input.outcome ?? item.outcome;
    const answered = item.counterApprovedAt !== null || outcome !== 'beredar';
    let dueAt: Date | null = null;
    if (!answered) {
      const context = await store.deadlineContext(tx, groups, item.kabkotaCodes, now, EVENT_NEAR_DAYS);
      dueAt = responseDueAt(now, input.assessment, context);
    }
    await store.setAssessment(tx, id, {
      assessment: input.assessment,
      note: input.note,
      outcome,
      dueAt,
      now,
    });
    await auditItem(tx, principal, 'provocation.assessed', id, {
      assessment: input.assessment,
      outcome,
      groupIds: input.groupIds ?? [],
    });
    return itemView(tx, principal, await requireItem(tx, id));
  });
}

/** Links an item to a report or a case the actor sees. */
export async function linkItem(
  deps: ProvocationDeps,
  principal: Principal,
  id: string,
  link: { reportId?: string; caseId?: string },
): Promise<ItemDetail> {
  authorize(principal, 'provocation.assess');
  return deps.db.asActor(principal.actor, async (tx) => {
    await requireItem(tx, id);
    if (link.reportId) await linkReportIn(tx, id, link.reportId);
    if (link.caseId) {
      if (!(await store.caseVisible(tx, link.caseId))) {
        throw new DomainError('not_found', 'Kasus tidak ditemukan');
      }
      await store.linkCase(tx, id, link.caseId);
    }
    await auditItem(tx, principal, 'provocation.linked', id, link);
    return itemView(tx, principal, await requireItem(tx, id));
  });
}

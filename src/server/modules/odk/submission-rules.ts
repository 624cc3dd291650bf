// What an OpenRosa submission says: its form, instanceID and, for Sigap's own form, the report it describes.
// Pure: XML text in, plain values out; nothing here touches the database.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  type CONFLICT_TYPES,
  NEEDS,
  TRIGGERS,
  VULNERABLE_GROUPS,
} from '../../../shared/reports/report-vocabulary.ts';
import { toWibIso } from '../../../shared/time.ts';
import { COUNT_FIELDS, VULNERABLE_COLUMNS } from './xform-rules.ts';

/** Why a submission cannot be read; the routes answer each with a clear OpenRosa 400. */
export class SubmissionUnreadable extends Error {}

/** The envelope of any submission: which form, which version, which instance. */
export type SubmissionEnvelope = {
  formId: string;
  formVersion: string;
  instanceId: string | null;
  deprecatedId: string | null;
  /** The root element's children, parsed (element names without namespace prefixes). */
  data: Record<string, unknown>;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

/** Reads a submission's envelope; throws SubmissionUnreadable for XML that does not parse or names no form. */
export function readEnvelope(xml: string): SubmissionEnvelope {
  // Collect never sends a DTD; refusing one keeps entity expansion out of the picture.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new SubmissionUnreadable('XML kiriman memuat DTD / the submission XML carries a DTD');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new SubmissionUnreadable(
      `XML kiriman tidak dapat dibaca (baris ${valid.err.line}): ${valid.err.msg} / the submission XML does not parse`,
    );
  }
  const doc = parser.parse(xml) as Record<string, unknown>;
  const rootName = Object.keys(doc).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  const root = rootName ? doc[rootName] : undefined;
  if (!root || typeof root !== 'object') {
    throw new SubmissionUnreadable('XML kiriman tidak berisi data / the submission XML holds no data');
  }
  const data = root as Record<string, unknown>;
  const formId = text(data['@_id']);
  if (!formId) {
    throw new SubmissionUnreadable(
      'Elemen akar kiriman tidak menyebut formulir (atribut id) / the root element has no form ID xml attribute',
    );
  }
  const meta = (typeof data.meta === 'object' && data.meta !== null ? data.meta : {}) as Record<
    string,
    unknown
  >;
  return {
    formId,
    formVersion: text(data['@_version']),
    instanceId: text(meta.instanceID) || text(data.instanceID) || null,
    deprecatedId: text(meta.deprecatedID) || null,
    data,
  };
}

/** An element's text: a plain value, or the text of an element that also has attributes. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text((value as Record<string, unknown>)['#text']);
  return String(value).trim();
}

function child(data: Record<string, unknown>, path: string): string {
  let node: unknown = data;
  for (const part of path.split('/')) {
    if (typeof node !== 'object' || node === null) return '';
    node = (node as Record<string, unknown>)[part];
  }
  return text(node);
}

/** A count: empty (not asked, or not relevant) is zero; anything else is passed on for validation. */
function count(value: string): number {
  return value === '' ? 0 : Number(value);
}

/** A dateTime as Sigap writes times (WIB, whole seconds); anything unreadable is passed on for validation. */
function normaliseTime(value: string): string {
  const time = new Date(value);
  return /[+-]\d\d:\d\d$|Z$/.test(value) && Number.isFinite(time.getTime()) ? toWibIso(time) : value;
}

/** Space-separated choices of a multiple select, only the known ones kept in the vocabulary's order. */
function choices<T extends string>(value: string, known: readonly T[]): string[] {
  const picked = new Set(value.split(/\s+/).filter(Boolean));
  return [...picked].filter((v) => !(known as readonly string[]).includes(v)).length > 0
    ? [...picked]
    : known.filter((v) => picked.has(v));
}

/** The report a submission of Sigap's form describes, before validation, and the photo's file name. */
export function toReportDraft(envelope: SubmissionEnvelope): {
  draft: Record<string, unknown>;
  photo: string | null;
} {
  const d = envelope.data;
  const [lat, lon] = child(d, 'location').split(/\s+/).map(Number);
  const hasLocation = child(d, 'location') !== '' && Number.isFinite(lat) && Number.isFinite(lon);
  const vulnerable: Record<string, Record<string, number>> = {};
  if (child(d, 'hasVulnerable') === 'ya') {
    for (const group of VULNERABLE_GROUPS) {
      const counts = Object.fromEntries(
        VULNERABLE_COLUMNS.map((c) => [c, count(child(d, `vulnerable/${group}/${c}`))]),
      );
      if (Object.values(counts).some((n) => n !== 0)) vulnerable[group] = counts;
    }
  }
  const draft: Record<string, unknown> = {
    kind: child(d, 'kind'),
    conflictType: child(d, 'conflictType') as (typeof CONFLICT_TYPES)[number],
    triggers: choices(child(d, 'triggers'), TRIGGERS),
    groupsInvolved: child(d, 'groupsInvolved'),
    regionCode: child(d, 'place/desa') || child(d, 'place/kecamatan') || child(d, 'place/kabkota'),
    latitude: hasLocation ? lat : null,
    longitude: hasLocation ? lon : null,
    occurredAt: normaliseTime(child(d, 'occurredAt')),
    violenceOngoing: child(d, 'violenceOngoing') === 'ya',
    description: child(d, 'description'),
    ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, count(child(d, `counts/${f}`))])),
    vulnerable,
    needs: choices(child(d, 'needs'), NEEDS),
    channel: 'odk',
  };
  return { draft, photo: child(d, 'photo') || null };
}

/**
 * A stable UUID named by `text` (the layout of RFC 9562 version 5, from the first bytes of a SHA-256 given in
 * hex): the same instanceID always becomes the same report id, so a retried submission is the same report.
 */
export function uuidFromHash(sha256Hex: string): string {
  const h = sha256Hex.slice(0, 32).split('');
  h[12] = '5';
  h[16] = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

import { createHash } from 'node:crypto';
import { t } from '../../../shared/i18n.ts';
import { ReportInput } from '../../../shared/reports/report-schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { sniffImageType } from '../../platform/uploads.ts';
import * as reports from '../reports/reports-service.ts';
import * as store from './odk-store.ts';
import { readEnvelope, SubmissionUnreadable, toReportDraft, uuidFromHash } from './submission-rules.ts';
import { buildDesaCsv, buildXForm, DESA_CSV, type FormArea, ODK_FORM_ID } from './xform-rules.ts';

/** Sigap's form for one area: the XForm, its version and hash, and the desa media file with its hash. */
export type ServedForm = {
  formId: string;
  /** The form's name in Collect's list (Indonesian, as the form's default language). */
  title: string;
  version: string;
  xml: string;
  hash: string;
  media: { name: string; content: string; hash: string }[];
};

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const md5 = (data: string | Uint8Array) => `md5:${createHash('md5').update(data).digest('hex')}`;

/**
 * A built form is reused for a minute: Collect asks for the list, the form, the manifest and the CSV in a row.
 * Kept per database, whose places the form lists.
 */
const FORM_REUSE_MS = 60_000;
const builtFormsOf = new WeakMap<Database, Map<string, { form: ServedForm; until: number }>>();

/** The region prefixes whose places the principal's form offers: their scope, or the region they belong to. */
function areaPrefixes(principal: Principal): string[] {
  if (principal.actor.scope.length > 0) return [...principal.actor.scope];
  return [principal.user.scopeRegionCode ?? '35'];
}

/**
 * The form served to a principal. Its version is a hash of the form and its CSV, so it changes whenever the
 * vocabulary, the labels or the user's area change; Collect then offers the update.
 */
export async function getServedForm(deps: reports.ReportDeps, principal: Principal): Promise<ServedForm> {
  const key = areaPrefixes(principal).sort().join(',');
  const now = Date.now();
  let builtForms = builtFormsOf.get(deps.db);
  if (!builtForms) {
    builtForms = new Map();
    builtFormsOf.set(deps.db, builtForms);
  }
  const remembered = builtForms.get(key);
  if (remembered && remembered.until > now) return remembered.form;
  const places = await deps.db.asSystem((tx) => store.listAreaPlaces(tx, areaPrefixes(principal)));
  const area: FormArea = { kabkota: [], kecamatan: [], desa: [] };
  for (const p of places) area[p.level as keyof FormArea]?.push(p);
  const csv = buildDesaCsv(area);
  const version = `v${sha256(buildXForm(area, '') + csv).slice(0, 12)}`;
  const xml = buildXForm(area, version);
  const form: ServedForm = {
    formId: ODK_FORM_ID,
    title: t('id', 'op.odk.form.title'),
    version,
    xml,
    hash: md5(xml),
    media: [{ name: DESA_CSV, content: csv, hash: md5(csv) }],
  };
  if (builtForms.size > 200) builtForms.clear();
  builtForms.set(key, { form, until: now + FORM_REUSE_MS });
  return form;
}

/** An attachment part of a submission: its part name (the file name the XML refers to) and bytes. */
export type Attachment = { name: string; bytes: Buffer };

/** What a submission did: the report it is, whether it was new, and the photos it holds now. */
export type SubmissionResult = { reportId: string; created: boolean; amended: boolean; photos: string[] };

/** The photo id of a report's attachment: stable, so a resent attachment is the same photo. */
export function attachmentPhotoId(reportId: string, name: string): string {
  return uuidFromHash(sha256(`odk-photo:${reportId}/${name}`));
}

/**
 * Takes in an OpenRosa submission through the report intake. The same instanceID with the same XML only adds
 * attachments that were missing; with other XML it is a conflict. A deprecatedID makes it an amendment of the
 * report the earlier instance became.
 */
export async function receiveSubmission(
  deps: reports.ReportDeps,
  principal: Principal,
  deviceId: string | null,
  xmlBytes: Buffer,
  attachments: Attachment[],
): Promise<SubmissionResult> {
  let envelope: ReturnType<typeof readEnvelope>;
  try {
    envelope = readEnvelope(xmlBytes.toString('utf8'));
  } catch (error) {
    if (error instanceof SubmissionUnreadable) throw new DomainError('bad_request', error.message);
    throw error;
  }
  if (envelope.formId !== ODK_FORM_ID) {
    throw new DomainError(
      'not_found',
      `Formulir "${envelope.formId}" tidak dilayani Sigap / form "${envelope.formId}" is not served here`,
    );
  }
  const instanceId = envelope.instanceId;
  if (!instanceId) {
    throw new DomainError('bad_request', 'Kiriman tanpa meta/instanceID / the submission has no instanceID');
  }
  const xmlSha256 = sha256(xmlBytes);
  const { draft, photo } = toReportDraft(envelope);
  const photoPart = photo ? attachments.find((a) => a.name === photo) : undefined;
  if (photoPart && !sniffImageType(photoPart.bytes)) {
    throw new DomainError(
      'unsupported_media_type',
      'Foto harus JPEG atau PNG / the photo must be JPEG or PNG',
    );
  }

  const existing = await deps.db.asSystem((tx) => store.findSubmission(tx, instanceId));
  if (existing) {
    if (existing.xmlSha256 !== xmlSha256 || existing.submittedBy !== principal.user.id) {
      throw new DomainError(
        'conflict',
        'Kiriman dengan instanceID ini sudah ada dengan XML berbeda. Kirim ulang lampiran dengan xml_submission_file yang sama persis. / ' +
          'A submission already exists with this ID, but with different XML.',
      );
    }
    const photos = await addAttachment(deps, principal, existing.reportId, photoPart);
    return { reportId: existing.reportId, created: false, amended: false, photos };
  }

  let reportId: string;
  let created = false;
  let amended = false;
  if (envelope.deprecatedId) {
    const earlier = await deps.db.asSystem((tx) => store.findSubmission(tx, envelope.deprecatedId as string));
    if (!earlier) {
      throw new DomainError(
        'not_found',
        'Kiriman yang hendak diubah (deprecatedID) tidak ditemukan / the deprecated submission was not found',
      );
    }
    reportId = earlier.reportId;
    const fields = validate({ id: reportId, ...draft });
    const { id: _, ...changes } = fields;
    // A resent amendment (at once, or after a stop before it was recorded below) finds the report already
    // amended and changes nothing; one that lost the race to the same resend reads the report again.
    for (let attempt = 1; ; attempt++) {
      const current = await reports.getReport(deps, principal, reportId);
      if (reports.holdsAlready(current, changes)) break;
      try {
        await reports.amendReport(deps, principal, reportId, current.version, changes);
        break;
      } catch (error) {
        if (attempt >= 3 || !(error instanceof DomainError && error.code === 'version_conflict')) throw error;
      }
    }
    amended = true;
  } else {
    reportId = uuidFromHash(sha256(`odk-instance:${instanceId}`));
    const result = await reports.submitReport(deps, principal, validate({ id: reportId, ...draft }));
    created = result.created;
  }

  const recorded = await deps.db.asSystem(async (tx) => {
    const inserted = await store.insertSubmission(tx, {
      instanceId,
      reportId,
      xmlSha256,
      submittedBy: principal.user.id,
      formId: envelope.formId,
      formVersion: envelope.formVersion,
      deprecatedId: envelope.deprecatedId,
      deviceId,
    });
    if (inserted) {
      await appendAudit(
        tx,
        principal,
        'odk.submission_received',
        { type: 'report', id: reportId },
        { instanceId, formVersion: envelope.formVersion, deviceId, amendment: amended },
      );
    }
    return inserted;
  });
  if (!recorded) {
    // Another post of the same instance got there first: it is that one's outcome, unless the XML differs.
    return receiveSubmission(deps, principal, deviceId, xmlBytes, attachments);
  }
  const photos = await addAttachment(deps, principal, reportId, photoPart);
  return { reportId, created, amended, photos };
}

/** The report a submission describes, validated as any report; failures name the fields. */
function validate(input: Record<string, unknown>): ReportInput {
  const parsed = ReportInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new DomainError(
    'validation_failed',
    `Isian tidak valid / invalid fields: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    { fields },
  );
}

/** Stores the photo part as a report photo (metadata stripped by the photo intake); idempotent. */
async function addAttachment(
  deps: reports.ReportDeps,
  principal: Principal,
  reportId: string,
  part: Attachment | undefined,
): Promise<string[]> {
  if (!part) return [];
  const photo = await reports.addPhoto(
    deps,
    principal,
    reportId,
    attachmentPhotoId(reportId, part.name),
    part.bytes,
  );
  return [photo.id];
}

// What an alert looks like outside Sigap: its CAP 1.2 document (Restricted or Public), the Atom feed of open alerts,
// and the body a webhook receives.
import { CAP_BY_LEVEL, CAP_INSTRUCTIONS } from '../../../shared/early-warning/alert-rules.ts';
import { toWibIso } from '../../../shared/time.ts';
import { DomainError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import type { AlertDeps } from './alerts-service.ts';
import * as store from './alerts-store.ts';
import { type CapDocument, renderAtom, renderCap } from './cap-xml.ts';
import { capPolygon } from './geo-areas.ts';

/** CAP <sender>: the office's domain, unique per originator as CAP asks. */
export const CAP_SENDER = 'sigap.dinsos.jatimprov.go.id';
const SENDER_NAME = 'Dinas Sosial Provinsi Jawa Timur (Sigap)';
const RESTRICTION =
  'Hanya untuk Dinas Sosial, pilar sosial dan mitra penanganan konflik. Jangan disebarkan ke publik: ' +
  'menyebut kelompok secara terbuka dapat memperkeruh keadaan.';

export const ALERTS_REFUSED = 'Peran Anda tidak melihat peringatan';

/** "Kecamatan Tanggul, Kabupaten Jember": how an alert names its area. */
export function areaName(a: { regionLevel: string; regionName: string; kabkotaName: string }): string {
  if (a.regionLevel === 'kabkota') return a.kabkotaName;
  const prefix = a.regionLevel === 'kecamatan' ? 'Kecamatan' : 'Desa/Kelurahan';
  return `${prefix} ${a.regionName}, ${a.kabkotaName}`;
}

export type CapVariant = 'restricted' | 'public';

/** The CAP 1.2 document of an alert: Restricted with the full text, or Public with the approved text only. */
export function capDocumentOf(
  a: store.AlertRecord,
  variant: CapVariant,
  geoDir: string | undefined,
): CapDocument {
  const cap = CAP_BY_LEVEL[a.level];
  const isPublic = variant === 'public';
  const identifier = (id: string) => `sigap-${id}${isPublic ? '-publik' : ''}`;
  return {
    identifier: identifier(a.id),
    sender: CAP_SENDER,
    sent: a.createdAt,
    msgType: a.supersedes ? 'Update' : 'Alert',
    scope: isPublic ? 'Public' : 'Restricted',
    restriction: isPublic ? undefined : RESTRICTION,
    references:
      a.supersedes && a.supersedesCreatedAt
        ? `${CAP_SENDER},${identifier(a.supersedes)},${toWibIso(a.supersedesCreatedAt)}`
        : undefined,
    info: {
      language: 'id-ID',
      category: 'Security',
      event: 'Kerawanan konflik sosial',
      responseType: cap.responseType,
      urgency: cap.urgency,
      severity: cap.severity,
      certainty: cap.certainty,
      eventCode: [{ valueName: 'SIGAP_LEVEL', value: a.level }],
      effective: a.createdAt,
      expires: a.closedAt ?? undefined,
      senderName: SENDER_NAME,
      headline: isPublic ? (a.publicHeadline ?? '') : a.headline,
      description: isPublic ? (a.publicDescription ?? '') : restrictedDescription(a),
      instruction: CAP_INSTRUCTIONS[a.level],
      parameters: [
        { valueName: 'SIGAP_STATUS', value: a.status },
        { valueName: 'SIGAP_BATAS_TERIMA', value: toWibIso(a.dueAcknowledgeAt) },
      ],
      area: {
        areaDesc: areaName(a),
        polygon: capPolygon(geoDir, a.regionCode),
        geocodes: [{ valueName: 'KEMENDAGRI', value: a.regionCode }],
      },
    },
  };
}

function restrictedDescription(a: store.AlertRecord): string {
  if (a.factors.length === 0) return a.description;
  const factors = a.factors.map((f) => `- ${f.text}`).join('\n');
  return `${a.description}\n\nFaktor penyumbang:\n${factors}`.trim();
}

/** The JSON a webhook receives for an alert event, with the alert's restricted CAP document. */
export function webhookBody(
  event: string,
  a: store.AlertRecord,
  geoDir: string | undefined,
  now: Date,
): string {
  return JSON.stringify({
    event,
    sentAt: toWibIso(now),
    alert: {
      id: a.id,
      regionCode: a.regionCode,
      regionName: areaName(a),
      level: a.level,
      status: a.status,
      headline: a.headline,
      description: a.description,
      dueAcknowledgeAt: toWibIso(a.dueAcknowledgeAt),
      createdAt: toWibIso(a.createdAt),
    },
    cap: renderCap(capDocumentOf(a, 'restricted', geoDir)),
  });
}

/**
 * The CAP document of one alert. The restricted variant needs a signed-in staff user who may see the alert;
 * the public variant exists only once an operator approved its text, and needs no sign-in.
 */
export async function capXml(
  deps: AlertDeps,
  principal: Principal | null,
  id: string,
  variant: CapVariant,
): Promise<string> {
  const alert =
    variant === 'public'
      ? await deps.db.asSystem((tx) => store.findAlert(tx, id))
      : await restrictedAlert(deps, principal, id);
  if (!alert || (variant === 'public' && !alert.publicHeadline)) {
    throw new DomainError('not_found', 'Peringatan tidak ditemukan');
  }
  return renderCap(capDocumentOf(alert, variant, deps.config.geoDir));
}

async function restrictedAlert(deps: AlertDeps, principal: Principal | null, id: string) {
  if (!principal) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
  authorize(principal, 'alert.view', ALERTS_REFUSED);
  return deps.db.asActor(principal.actor, (tx) => store.findAlert(tx, id));
}

/** The Atom feed of current (open) alerts: in the principal's scope, or the approved public ones. */
export async function atomFeed(
  deps: AlertDeps,
  principal: Principal | null,
  variant: CapVariant,
  baseUrl: string,
): Promise<string> {
  let alerts: store.AlertRecord[];
  if (variant === 'public') {
    alerts = await deps.db.asSystem((tx) =>
      store.listAlerts(tx, { isOpen: true, isPublic: true, limit: 200 }),
    );
  } else {
    if (!principal) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
    authorize(principal, 'alert.view', ALERTS_REFUSED);
    alerts = await deps.db.asActor(principal.actor, (tx) =>
      store.listAlerts(tx, { isOpen: true, limit: 200 }),
    );
  }
  const suffix = variant === 'public' ? '?variant=public' : '';
  return renderAtom({
    id: `${baseUrl}/api/alerts/feed.xml${suffix}`,
    title:
      variant === 'public'
        ? 'Peringatan dini konflik sosial Jawa Timur'
        : 'Peringatan dini konflik sosial Jawa Timur (terbatas)',
    selfUrl: `${baseUrl}/api/alerts/feed.xml${suffix}`,
    updated: deps.clock.now(),
    entries: alerts.map((a) => ({
      id: `urn:uuid:${a.id}`,
      title: variant === 'public' ? (a.publicHeadline ?? '') : a.headline,
      updated: a.updatedAt,
      published: a.createdAt,
      summary: variant === 'public' ? (a.publicDescription ?? '') : a.description,
      capUrl: `${baseUrl}/api/alerts/${a.id}/cap.xml${suffix}`,
      category: a.level,
    })),
  });
}

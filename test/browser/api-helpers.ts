// What browser files ask of the server's API beside the page: the reports an operator finds by their description,
// a case opened from a signal in Tanggulwetan, and an SMS delivered by the gateway as it delivers one.
import { expect } from 'vitest';
import { callApi, type RunningServer } from './browser-harness.ts';

/** Desa Tanggulwetan, Kec. Tanggul, Jember: where the field scenarios report from. */
export const TANGGULWETAN = '35.09.06.2002';

/** The reports of Desa Tanggulwetan (the latest hundred) with this description, as the signed-in `session` sees them. */
export async function findReportsByDescription<T extends { description?: unknown } = Record<string, unknown>>(
  server: RunningServer,
  session: { cookie: string; csrfToken: string },
  description: string,
): Promise<T[]> {
  const { status, body } = await callApi<{ items: T[] }>(
    server,
    session,
    'GET',
    `/api/reports?region=${TANGGULWETAN}&limit=100`,
  );
  expect(status).toBe(200);
  return body.items.filter((report) => report.description === description);
}

/**
 * A signal from Tanggulwetan (a silat school's call spreading in its WhatsApp group, with this description) that the
 * signed-in operator sends, verifies and opens a case from, each step checked; `caseFields` go with the new case.
 * The case's id.
 */
export async function openSignalCase(
  server: RunningServer,
  operator: { cookie: string; csrfToken: string },
  description: string,
  caseFields: Record<string, unknown> = {},
): Promise<string> {
  const reportId = crypto.randomUUID();
  const report = await callApi(server, operator, 'POST', '/api/reports', {
    id: reportId,
    kind: 'sinyal',
    conflictType: 'antar_perguruan_silat',
    triggers: ['informasi_provokatif'],
    regionCode: TANGGULWETAN,
    occurredAt: new Date().toISOString(),
    description,
  });
  expect(report.status).toBe(201);
  const verified = await callApi(server, operator, 'POST', `/api/reports/${reportId}/verification`, {
    status: 'terverifikasi',
  });
  expect(verified.status).toBe(200);
  const opened = await callApi<{ id: string }>(server, operator, 'POST', '/api/cases', {
    reportIds: [reportId],
    ...caseFields,
  });
  expect(opened.status).toBe(201);
  return opened.body.id;
}

/** Posts one SMS to the gateway's webhook with its shared secret; answers the outcome of each message. */
export async function sendSms(
  baseUrl: string,
  secret: string,
  sms: { from: string; text: string; id: string },
): Promise<{ outcomes: { status: string }[] }> {
  const res = await fetch(`${baseUrl}/api/channels/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sigap-secret': secret },
    body: JSON.stringify(sms),
  });
  return res.json();
}

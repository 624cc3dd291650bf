// What browser files ask of the server's API beside the page: the reports an operator finds by their description,
// and an SMS delivered by the gateway as it delivers one.
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

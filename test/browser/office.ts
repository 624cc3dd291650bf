// What the office-page browser files share: the office's people, signing in through the start page and waiting for
// the signed-in shell, the incident most scenarios start from (a clash of two silat schools near a primary school in
// Tanggul, Jember) and the page of the case opened from it.
import { randomUUID } from 'node:crypto';
import type { BrowserFixture, UserSpec } from './fixture.ts';

/** The office's people the scenarios meet; a file names those it needs in its fixture's `users`. */
export const OFFICE = {
  jemberOperator: { username: 'op.jember', displayName: 'Dewi Operator', role: 'operator', region: '35.09' },
  banyuwangiOperator: {
    username: 'op.banyuwangi',
    displayName: 'Agus Operator',
    role: 'operator',
    region: '35.10',
  },
  provinceStaff: { username: 'dinsos.prov', displayName: 'Rina Provinsi', role: 'provinsi', region: '35' },
  bakorwilVCoordinator: {
    username: 'koord.v',
    displayName: 'Koordinator V',
    role: 'koordinator',
    region: 'V',
  },
} as const satisfies Record<string, UserSpec>;

/** Signs in on this test's page through the form and waits until the shell offers "Keluar". */
export async function signInAndWait(fx: BrowserFixture, username: string, password?: string): Promise<void> {
  await fx.signIn(fx.page, username, password);
  await fx.page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/** The clash as an operator reports it half an hour after it happened; `overrides` change any field. */
export function silatClashReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    kind: 'kejadian',
    conflictType: 'antar_perguruan_silat',
    triggers: ['informasi_provokatif'],
    regionCode: '35.09.06.2002',
    occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    description: 'Bentrok dua kelompok perguruan silat di dekat sekolah dasar setelah konvoi pengesahan.',
    injured: 2,
    ...overrides,
  };
}

/** `operator` sends the report, verifies it and opens a case from it; the case's id. */
export async function openCaseFrom(
  fx: BrowserFixture,
  operator: string,
  report: Record<string, unknown>,
): Promise<string> {
  await fx.api(operator, 'POST', '/api/reports', report);
  return verifyAndOpenCase(fx, operator, String(report.id));
}

/** `operator` verifies a report already sent and opens a case from it; the case's id. */
export async function verifyAndOpenCase(
  fx: BrowserFixture,
  operator: string,
  reportId: string,
): Promise<string> {
  await fx.api(operator, 'POST', `/api/reports/${reportId}/verification`, { status: 'terverifikasi' });
  return (await fx.api<{ id: string }>(operator, 'POST', '/api/cases', { reportIds: [reportId] })).id;
}

/** Opens the page of a case made from the silat clash and waits for its title and its vulnerable-people section. */
export async function openSilatCase(fx: BrowserFixture, caseId: string): Promise<void> {
  await fx.page.goto(`/kasus/${caseId}`);
  await fx.page.getByRole('heading', { level: 1, name: /Konflik antar perguruan silat di/ }).waitFor();
  await fx.page.getByRole('heading', { name: 'Kelompok rentan dan rujukan' }).waitFor();
}

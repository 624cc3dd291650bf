import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { people, testAppWith } from '../../../../test/harness.ts';
import type { SigapEvent } from '../../platform/events.ts';
import { createDevice } from './odk-devices-service.ts';
import { attachmentPhotoId } from './odk-service.ts';
import { encodeMultipart, jpegWithExif, sigapSubmissionXml, submissionParts } from './odk-test-helpers.ts';

/** ODK's own fixtures (central-backend and javarosa test data, Apache-2.0): forms Sigap does not serve. */
const FIXTURES = path.resolve(import.meta.dirname, '../../../../../shared/data/odk');

describe('OpenRosa intake for ODK Collect', () => {
  const { t, relawan, operator, admin } = testAppWith(
    { relawan: { role: 'relawan', region: '35.09' }, ...people('operator', 'admin') },
    { env: { TRUST_PROXY: 'true' } },
  );
  let base: string;

  const post = (
    url: string,
    parts: ReturnType<typeof submissionParts>,
    headers: Record<string, string> = {},
  ) => {
    const { contentType, bytes } = encodeMultipart(parts);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, 'x-openrosa-version': '1.0', ...headers },
      payload: bytes,
    });
  };
  /** Sends Sigap's form filled with `fields` through the device token's address. */
  const submit = (fields: Parameters<typeof sigapSubmissionXml>[0]) =>
    post(`${base}/submission`, submissionParts(sigapSubmissionXml(fields)));
  const odkReports = async () =>
    (await t.call(operator, 'GET', '/api/reports?channel=odk&limit=100')).json().items as {
      id: string;
      description: string;
      version: number;
      channel: string;
    }[];
  const photo = (reportId: string, name: string) =>
    t.call(operator, 'GET', `/api/reports/${reportId}/photos/${attachmentPhotoId(reportId, name)}`);

  beforeAll(async () => {
    const { token } = await createDevice(t.db, { id: null, label: 'uji' }, relawan.username, 'HP uji');
    base = `/odk/key/${token}`;
  });

  it('answers every OpenRosa reply with X-OpenRosa-Version 1.0, md5 hashes, and HEAD /submission with 204', async () => {
    const list = await t.app.inject({ method: 'GET', url: `${base}/formList` });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toMatch(/^text\/xml/);
    expect(list.body).toContain('<xforms xmlns="http://openrosa.org/xforms/xformsList">');
    expect(list.body).toMatch(/<formID>sigap_laporan<\/formID><name>Laporan Sigap<\/name>/);
    expect(list.body).toMatch(/<hash>md5:[0-9a-f]{32}<\/hash>/);
    expect(list.body).toContain(
      `<manifestUrl>http://localhost:80${base}/forms/sigap_laporan/manifest</manifestUrl>`,
    );
    const manifest = await t.app.inject({ method: 'GET', url: `${base}/forms/sigap_laporan/manifest` });
    expect(manifest.body).toMatch(/<filename>desa.csv<\/filename><hash>md5:[0-9a-f]{32}<\/hash>/);
    const head = await t.app.inject({ method: 'HEAD', url: `${base}/submission` });
    expect(head.statusCode).toBe(204);
    expect(head.headers['x-openrosa-accept-content-length']).toBe(String(20 * 1024 * 1024));
    const refused = await t.app.inject({ method: 'GET', url: '/odk/key/not-a-real-token-at-all/formList' });
    expect(refused.statusCode).toBe(401);
    for (const res of [list, manifest, head, refused]) expect(res.headers['x-openrosa-version']).toBe('1.0');
    expect(refused.body).toContain('nature="error"');
  });

  it('gives each area its own form version and hash', async () => {
    const other = await t.user({ role: 'relawan', region: '35.10' });
    const { token } = await createDevice(t.db, { id: null, label: 'uji' }, other.username, '');
    const versionOf = async (url: string) => {
      const body = (await t.app.inject({ method: 'GET', url })).body;
      return [/<version>([^<]+)/.exec(body)?.[1], /<hash>([^<]+)/.exec(body)?.[1]];
    };
    const [jemberVersion, jemberHash] = await versionOf(`${base}/formList`);
    const [banyuwangiVersion, banyuwangiHash] = await versionOf(`/odk/key/${token}/formList`);
    expect(jemberVersion).not.toBe(banyuwangiVersion);
    expect(jemberHash).not.toBe(banyuwangiHash);
    const form = await t.app.inject({ method: 'GET', url: `${base}/forms/sigap_laporan.xml` });
    expect(form.body).toContain(`version="${jemberVersion}"`);
  });

  it('takes the same instance twice as one report, adding the photo the second post carries', async () => {
    const xml = sigapSubmissionXml({
      instanceId: 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000001',
      photo: 'foto.jpg',
    });
    const first = await post(`${base}/submission`, submissionParts(xml));
    expect(first.statusCode).toBe(201);
    const reportId = (first.headers.location as string).split('/').pop() as string;
    expect((await photo(reportId, 'foto.jpg')).statusCode).toBe(404);
    const second = await post(`${base}/submission`, submissionParts(xml, { 'foto.jpg': jpegWithExif() }));
    expect(second.statusCode).toBe(201);
    expect(second.body).toContain('<OpenRosaResponse');
    const stored = await photo(reportId, 'foto.jpg');
    expect(stored.statusCode).toBe(200);
    expect(stored.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect((await odkReports()).filter((r) => r.id === reportId)).toHaveLength(1);
  });

  it('announces a new ODK report live to the operators of its kab/kota, and not to another kab/kota', async () => {
    const seenInJember: SigapEvent[] = [];
    const seenInBanyuwangi: SigapEvent[] = [];
    const stops = [
      t.events.subscribe({ userId: operator.id, role: 'operator', scope: ['35.09'], agencyId: null }, (e) =>
        seenInJember.push(e),
      ),
      t.events.subscribe({ userId: admin.id, role: 'operator', scope: ['35.10'], agencyId: null }, (e) =>
        seenInBanyuwangi.push(e),
      ),
    ];
    const xml = sigapSubmissionXml({ instanceId: 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000009' });
    const res = await post(`${base}/submission`, submissionParts(xml));
    expect(res.statusCode).toBe(201);
    const reportId = (res.headers.location as string).split('/').pop() as string;
    const deadline = Date.now() + 10_000;
    while (!seenInJember.some((e) => e.subject.id === reportId) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const stop of stops) stop();
    expect(seenInJember.find((e) => e.subject.id === reportId)).toMatchObject({ type: 'report.created' });
    expect(seenInBanyuwangi.some((e) => e.subject.id === reportId)).toBe(false);
  });

  it('refuses other XML under an instanceID already taken in with 409', async () => {
    const instanceId = 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000002';
    expect((await submit({ instanceId })).statusCode).toBe(201);
    const clash = await submit({ instanceId, description: 'Isi lain untuk instance yang sama.' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toMatch(/different XML/);
    expect(clash.headers['x-openrosa-version']).toBe('1.0');
  });

  it('makes a submission with a deprecatedID an amendment of the same report', async () => {
    const original = 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000003';
    const first = await submit({ instanceId: original });
    const reportId = (first.headers.location as string).split('/').pop() as string;
    const edited = await submit({
      instanceId: 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000004',
      deprecatedId: original,
      description: 'Perselisihan irigasi meluas ke dusun ketiga.',
    });
    expect(edited.statusCode).toBe(201);
    expect(edited.headers.location).toBe(`/api/reports/${reportId}`);
    const report = (await odkReports()).find((r) => r.id === reportId);
    expect(report).toMatchObject({ version: 2, description: 'Perselisihan irigasi meluas ke dusun ketiga.' });
    const amendments = await t.call(operator, 'GET', `/api/reports/${reportId}/amendments`);
    expect(Object.keys(amendments.json().items[0].changes)).toEqual(['description']);
    const unknown = await submit({
      instanceId: 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000005',
      deprecatedId: 'uuid:none',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('makes an amendment resent at once, or resent after a stop between its amendment and its record, one amendment', async () => {
    const original = 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000013';
    const resent = 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000014';
    const first = await submit({ instanceId: original });
    const reportId = (first.headers.location as string).split('/').pop() as string;
    const edited = submissionParts(
      sigapSubmissionXml({
        instanceId: resent,
        deprecatedId: original,
        description: 'Perselisihan irigasi meluas sampai ke dusun ketiga.',
      }),
    );
    const both = await Promise.all([post(`${base}/submission`, edited), post(`${base}/submission`, edited)]);
    expect(both.map((res) => res.statusCode)).toEqual([201, 201]);
    // As if the process stopped after the amendment committed and before the submission was recorded.
    await t.db.systemQuery('DELETE FROM odk_submissions WHERE instance_id = $1', [resent]);
    const again = await post(`${base}/submission`, edited);
    expect(again.statusCode).toBe(201);
    expect(again.headers.location).toBe(`/api/reports/${reportId}`);
    const amendments = (await t.call(operator, 'GET', `/api/reports/${reportId}/amendments`)).json().items;
    expect(amendments.map((a: { version: number }) => a.version)).toEqual([2]);
    expect(await t.audit({ subjectId: reportId, action: 'report.amended' })).toHaveLength(1);
    const report = (await odkReports()).find((r) => r.id === reportId);
    expect(report).toMatchObject({
      version: 2,
      description: 'Perselisihan irigasi meluas sampai ke dusun ketiga.',
    });
  });

  it('accepts HTTP Basic only over HTTPS (behind a trusted proxy), never over plain HTTP', async () => {
    const basic = `Basic ${Buffer.from(`${relawan.username}:${relawan.password}`).toString('base64')}`;
    const xml = sigapSubmissionXml({ instanceId: 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000006' });
    const overHttp = await post('/odk/submission', submissionParts(xml), { authorization: basic });
    expect(overHttp.statusCode).toBe(401);
    expect(overHttp.body).toMatch(/HTTPS/);
    const listOverHttp = await t.app.inject({
      method: 'GET',
      url: '/odk/formList',
      headers: { authorization: basic },
    });
    expect(listOverHttp.statusCode).toBe(401);
    expect(listOverHttp.headers['www-authenticate']).toBeUndefined();
    const challenge = await t.app.inject({
      method: 'HEAD',
      url: '/odk/submission',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(challenge.statusCode).toBe(401);
    expect(challenge.headers['www-authenticate']).toMatch(/^Basic /);
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/odk/formList',
      headers: {
        'x-forwarded-proto': 'https',
        authorization: `Basic ${Buffer.from(`${relawan.username}:salah-sandi-1`).toString('base64')}`,
      },
    });
    expect(wrong.statusCode).toBe(401);
    const overHttps = await post('/odk/submission', submissionParts(xml), {
      authorization: basic,
      'x-forwarded-proto': 'https',
    });
    expect(overHttps.statusCode).toBe(201);
    expect(overHttps.headers.location).toMatch(/^\/api\/reports\//);
  });

  it('refuses a revoked device token at once; only an admin manages tokens, and the QR code holds the server URL', async () => {
    const secondPhone = { username: relawan.username, label: 'HP kedua' };
    const refused = await t.call(operator, 'POST', '/api/odk/devices', secondPhone);
    expect(refused.statusCode).toBe(403);
    const created = await t.call(admin, 'POST', '/api/odk/devices', secondPhone);
    expect(created.statusCode).toBe(201);
    const { device, token, serverUrl, qrSvg } = created.json();
    expect(serverUrl).toBe(`http://localhost:80/odk/key/${token}`);
    expect(qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await t.app.inject({ method: 'GET', url: `/odk/key/${token}/formList` })).statusCode).toBe(200);
    const listed = await t.call(admin, 'GET', '/api/odk/devices');
    expect(listed.json().items.map((d: { id: string }) => d.id)).toContain(device.id);
    expect(JSON.stringify(listed.json())).not.toContain(token);

    const revoked = await t.call(admin, 'DELETE', `/api/odk/devices/${device.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url: `/odk/key/${token}/formList` })).statusCode).toBe(401);
    const xml = sigapSubmissionXml({ instanceId: 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000007' });
    expect((await post(`/odk/key/${token}/submission`, submissionParts(xml))).statusCode).toBe(401);
  });

  it("answers the ODK fixtures' foreign forms and instances with 4xx OpenRosa errors, never a 500", async () => {
    const instances = [
      ...readdirSync(path.join(FIXTURES, 'instances')).map((f) => path.join(FIXTURES, 'instances', f)),
      ...readdirSync(path.join(FIXTURES, 'javarosa/instances')).map((f) =>
        path.join(FIXTURES, 'javarosa/instances', f),
      ),
    ];
    expect(instances.length).toBeGreaterThan(15);
    for (const file of instances) {
      const res = await post(`${base}/submission`, submissionParts(readFileSync(file)));
      expect([400, 404], path.basename(file)).toContain(res.statusCode);
      expect(res.body).toContain('nature="error"');
      expect(res.headers['x-openrosa-version']).toBe('1.0');
    }
    const simple = await post(
      `${base}/submission`,
      submissionParts(readFileSync(path.join(FIXTURES, 'instances/simple-1.xml'))),
    );
    expect(simple.statusCode).toBe(404);
    expect(simple.body).toMatch(/form &quot;simple&quot; is not served/);
    for (const form of readdirSync(path.join(FIXTURES, 'forms'))) {
      const res = await t.app.inject({ method: 'GET', url: `${base}/forms/${form}` });
      expect(res.statusCode).toBe(404);
    }
    const broken = await post(
      `${base}/submission`,
      submissionParts('<data id="sigap_laporan"><kind>sinyal</data>'),
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toMatch(/does not parse/);
    const { contentType, bytes } = encodeMultipart([{ name: 'other', bytes: 'x' }]);
    const missing = await t.app.inject({
      method: 'POST',
      url: `${base}/submission`,
      headers: { 'content-type': contentType, 'x-openrosa-version': '1.0' },
      payload: bytes,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toMatch(/xml_submission_file missing/);
    expect((await odkReports()).every((r) => r.channel === 'odk')).toBe(true);
  });

  it("lists with channel=odk only what came in through ODK, not the web form's reports", async () => {
    const web = reportPayload();
    const posted = await t.call(relawan, 'POST', '/api/reports', web);
    expect(posted.statusCode).toBe(201);
    const odk = await odkReports();
    expect(odk.length).toBeGreaterThan(0);
    expect(odk.map((r) => r.id)).not.toContain(web.id);
    const fromWeb = await t.call(operator, 'GET', '/api/reports?channel=web');
    expect(fromWeb.json().items.map((r: { id: string }) => r.id)).toEqual([web.id]);
    const unknown = await t.call(operator, 'GET', '/api/reports?channel=fax');
    expect(unknown.statusCode).toBe(400);
  });

  it("refuses a report that fails the intake's rules with a 400 naming the field, and stores nothing", async () => {
    const before = (await odkReports()).length;
    const res = await submit({
      instanceId: 'uuid:0b1c6a4e-1111-4d5e-9a7b-000000000008',
      description: 'pendek',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/description/);
    expect((await odkReports()).length).toBe(before);
  });
});

describe('OpenRosa intake without a trusted proxy', () => {
  const { t } = testAppWith({});

  it('ignores x-forwarded-proto when TRUST_PROXY is off, so a password is still refused over plain HTTP', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.09' });
    const basic = `Basic ${Buffer.from(`${relawan.username}:${relawan.password}`).toString('base64')}`;
    const res = await t.app.inject({
      method: 'GET',
      url: '/odk/formList',
      headers: { authorization: basic, 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).toMatch(/HTTPS/);
  });
});

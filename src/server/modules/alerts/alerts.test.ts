import { describe, expect, it } from 'vitest';
import { CAP_SCHEMA, xmllint } from '../../../../test/early-warning-helpers.ts';
import { authAs, people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import type { SigapEvent } from '../../platform/events.ts';
import { runAlertEscalation } from './alert-escalation.ts';

const TANGGUL = '35.09.06';

describe('alerts', () => {
  const clock = fakeClock(new Date('2026-07-09T08:00:00+07:00'));
  const { t, koordinator, operatorA, operatorB, banyuwangi, relawan, provinsi } = testAppWith(
    {
      ...people('koordinator'),
      operatorA: { role: 'operator', region: '35.09', displayName: 'Operator Jember A' },
      operatorB: { role: 'operator', region: '35.09', displayName: 'Operator Jember B' },
      banyuwangi: { role: 'operator', region: '35.10' },
      ...people('relawan', 'provinsi'),
    },
    { clock },
  );
  const capDocuments: string[] = [];

  const call = (user: TestUser | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: user ? authAs(user) : {},
      payload: payload as Record<string, unknown>,
    });
  const inboxKinds = async (user: TestUser) =>
    (
      await t.db.asSystem((tx) =>
        tx.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1 ORDER BY created_at', [
          user.id,
        ]),
      )
    ).map((n) => n.kind);
  const raise = async (level = 'siaga') => {
    const res = await call(koordinator, 'POST', '/api/alerts', {
      regionCode: TANGGUL,
      level,
      headline: 'Ajakan balas dendam menjelang pengesahan warga',
      description: 'Pesan berantai mengajak anggota berkumpul di balai desa Tanggulwetan.',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('lets a koordinator raise an alert that names who must acknowledge, by when, and notifies them all', async () => {
    const alert = await raise();
    expect(alert).toMatchObject({
      regionCode: TANGGUL,
      regionName: 'Tanggul',
      kabkotaCode: '35.09',
      level: 'siaga',
      source: 'manual',
      status: 'aktif',
      handlingLevel: 'kabkota',
      dueAcknowledgeAt: '2026-07-09T10:00:00+07:00',
      allowed: { acknowledge: false, act: true, close: false },
    });
    expect(alert.acknowledgers.map((u: { displayName: string }) => u.displayName).sort()).toEqual([
      'Operator Jember A',
      'Operator Jember B',
    ]);
    expect(await inboxKinds(operatorA)).toEqual(['alert.raised']);
    expect(await inboxKinds(operatorB)).toEqual(['alert.raised']);
    expect(await inboxKinds(banyuwangi)).toEqual([]);
  });

  it('refuses an operator, a relawan and a partner raising alerts; out-of-scope alerts do not exist for others', async () => {
    const payload = { regionCode: TANGGUL, level: 'waspada', headline: 'Percobaan peringatan' };
    expect((await call(operatorA, 'POST', '/api/alerts', payload)).statusCode).toBe(403);
    expect((await call(relawan, 'POST', '/api/alerts', payload)).statusCode).toBe(403);
    const outside = await call(koordinator, 'POST', '/api/alerts', { ...payload, regionCode: '35.78.01' });
    expect(outside.statusCode).toBe(403);
    const alert = await raise('waspada');
    expect((await call(banyuwangi, 'GET', `/api/alerts/${alert.id}`)).statusCode).toBe(404);
    expect((await call(banyuwangi, 'GET', '/api/alerts')).json().items).toEqual([]);
    expect((await call(relawan, 'GET', '/api/alerts')).statusCode).toBe(403);
    const listed = (await call(operatorA, 'GET', '/api/alerts?open=true')).json().items;
    expect(listed.map((a: { id: string }) => a.id)).toContain(alert.id);
  });

  it('is acknowledged by any one operator for all, and the others are told', async () => {
    const alert = await raise('awas');
    const ack = await call(operatorB, 'POST', `/api/alerts/${alert.id}/acknowledgement`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'diterima', acknowledgedBy: operatorB.id });
    const again = await call(operatorA, 'POST', `/api/alerts/${alert.id}/acknowledgement`);
    expect(again.statusCode).toBe(409);
    expect((await inboxKinds(operatorA)).at(-1)).toBe('alert.acknowledged');
  });

  it('answers a retried acknowledgement by the same operator with the alert, recording nothing twice', async () => {
    const alert = await raise('awas');
    const seen: SigapEvent[] = [];
    const unsubscribe = t.events.subscribe(
      { userId: operatorA.id, role: 'operator', scope: ['35.09'], agencyId: null },
      (e) => seen.push(e),
    );
    const first = await call(operatorA, 'POST', `/api/alerts/${alert.id}/acknowledgement`);
    expect(first.statusCode, first.body).toBe(200);
    const retried = await call(operatorA, 'POST', `/api/alerts/${alert.id}/acknowledgement`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual(first.json());
    // Someone else, or a later state, is still refused.
    expect((await call(operatorB, 'POST', `/api/alerts/${alert.id}/acknowledgement`)).statusCode).toBe(409);
    expect((await t.audit({ subjectId: alert.id, action: 'alert.acknowledged' })).length).toBe(1);
    const actions = (await call(operatorA, 'GET', `/api/alerts/${alert.id}`)).json().actions;
    expect(actions.filter((a: { kind: string }) => a.kind === 'diterima').length).toBe(1);
    expect((await inboxKinds(operatorB)).filter((k) => k === 'alert.acknowledged').length).toBe(1);
    // A later event marks the end of what the acknowledgements published.
    const acted = await call(operatorA, 'POST', `/api/alerts/${alert.id}/actions`, {
      action: 'Tim diturunkan',
    });
    expect(acted.statusCode, acted.body).toBe(201);
    await expect.poll(() => seen.map((e) => e.type)).toContain('alert.updated');
    unsubscribe();
    const acknowledgedEvents = seen.filter(
      (e) => e.subject.id === alert.id && e.type === 'alert.acknowledged',
    );
    expect(acknowledgedEvents.length).toBe(1);
    const closed = await call(operatorA, 'POST', `/api/alerts/${alert.id}/close`, {
      note: 'Situasi kondusif',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await call(operatorA, 'POST', `/api/alerts/${alert.id}/acknowledgement`)).statusCode).toBe(409);
  });

  it('escalates an unacknowledged alert to the Bakorwil when its deadline passes, and then lets the koordinator acknowledge', async () => {
    clock.set(new Date('2026-07-10T08:00:00+07:00'));
    const alert = await raise('siaga');
    expect((await call(koordinator, 'POST', `/api/alerts/${alert.id}/acknowledgement`)).statusCode).toBe(403);
    clock.advanceMinutes(119);
    expect(await runAlertEscalation(t.db, clock)).toBe(0);
    clock.advanceMinutes(2);
    expect(await runAlertEscalation(t.db, clock)).toBeGreaterThanOrEqual(1);
    const escalated = (await call(koordinator, 'GET', `/api/alerts/${alert.id}`)).json();
    expect(escalated).toMatchObject({
      handlingLevel: 'bakorwil',
      status: 'aktif',
      dueAcknowledgeAt: '2026-07-10T12:01:00+07:00',
      allowed: { acknowledge: true },
    });
    expect(escalated.actions.at(-1)).toMatchObject({
      kind: 'eskalasi',
      action: 'Eskalasi ke koordinator Bakorwil: Belum diterima operator kab/kota dalam 2 jam (Siaga)',
    });
    expect(await inboxKinds(koordinator)).toContain('alert.escalated');
    clock.advanceMinutes(121);
    await runAlertEscalation(t.db, clock);
    expect(await inboxKinds(provinsi)).toContain('alert.escalated');
    const ack = await call(koordinator, 'POST', `/api/alerts/${alert.id}/acknowledgement`);
    expect(ack.json()).toMatchObject({ status: 'diterima', handlingLevel: 'provinsi' });
    const audit = await t.audit({ subjectId: alert.id });
    expect(audit.map((a) => a.action)).toEqual([
      'alert.raised',
      'alert.escalated',
      'alert.escalated',
      'alert.acknowledged',
    ]);
  });

  it('tracks the response until the alert is closed; closing needs an acknowledgement first', async () => {
    const alert = await raise('siaga');
    const early = await call(operatorA, 'POST', `/api/alerts/${alert.id}/close`, { note: 'Aman' });
    expect(early.statusCode).toBe(409);
    await call(operatorA, 'POST', `/api/alerts/${alert.id}/acknowledgement`);
    const acted = await call(operatorA, 'POST', `/api/alerts/${alert.id}/actions`, {
      action: 'Pordam dan dua Tagana dikirim ke balai desa; mediasi dengan pengurus ranting',
    });
    expect(acted.statusCode).toBe(201);
    const closed = await call(operatorA, 'POST', `/api/alerts/${alert.id}/close`, {
      note: 'Kedua pengurus sepakat; konvoi lewat jalur lain',
    });
    expect(closed.json()).toMatchObject({ status: 'ditutup', allowed: { act: false, close: false } });
    const detail = (await call(operatorA, 'GET', `/api/alerts/${alert.id}`)).json();
    expect(detail.actions.map((a: { kind: string }) => a.kind)).toEqual(['diterima', 'tindakan', 'ditutup']);
    expect(detail.actions[1].actorName).toBe('Operator Jember A');
    expect(
      (await call(operatorA, 'POST', `/api/alerts/${alert.id}/actions`, { action: 'Terlambat' })).statusCode,
    ).toBe(409);
  });

  it('writes a Restricted CAP 1.2 document valid against the schema, with the region’s polygon in lat,lon', async () => {
    const alert = await raise('awas');
    const res = await call(operatorA, 'GET', `/api/alerts/${alert.id}/cap.xml`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/cap+xml');
    const xml = res.body;
    capDocuments.push(xml);
    expect(xmllint(xml, CAP_SCHEMA)).toBe('');
    expect(xml).toContain('<scope>Restricted</scope>');
    expect(xml).toContain('<urgency>Immediate</urgency>');
    expect(xml).toContain('<severity>Extreme</severity>');
    expect(xml).toContain('<areaDesc>Kecamatan Tanggul, Kabupaten Jember</areaDesc>');
    expect(xml).toContain('<valueName>KEMENDAGRI</valueName>');
    expect(xml).toMatch(/<sent>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00<\/sent>/);
    expect(xml).not.toMatch(/\d\.\d{3}Z|Z</);
    const polygon = /<polygon>([^<]+)<\/polygon>/.exec(xml)?.[1] ?? '';
    const points = polygon.split(' ').map((p) => p.split(',').map(Number));
    expect(points.length).toBeGreaterThanOrEqual(4);
    expect(points[0]).toEqual(points.at(-1));
    for (const [lat, lon] of points) {
      expect(lat).toBeGreaterThan(-8.9);
      expect(lat).toBeLessThan(-7.9);
      expect(lon).toBeGreaterThan(113.3);
      expect(lon).toBeLessThan(113.6);
    }
    expect((await call(null, 'GET', `/api/alerts/${alert.id}/cap.xml`)).statusCode).toBe(401);
    expect((await call(banyuwangi, 'GET', `/api/alerts/${alert.id}/cap.xml`)).statusCode).toBe(404);
  });

  it('has a public variant only with text an operator approved, without sign-in', async () => {
    const alert = await raise('waspada');
    expect((await call(null, 'GET', `/api/alerts/${alert.id}/cap.xml?variant=public`)).statusCode).toBe(404);
    const approved = await call(operatorA, 'PUT', `/api/alerts/${alert.id}/public-text`, {
      headline: 'Waspada kerawanan di Kecamatan Tanggul',
      description: 'Warga diimbau tidak terpancing pesan berantai & tetap tenang <malam ini>.',
    });
    expect(approved.statusCode).toBe(200);
    const res = await call(null, 'GET', `/api/alerts/${alert.id}/cap.xml?variant=public`);
    expect(res.statusCode).toBe(200);
    capDocuments.push(res.body);
    expect(xmllint(res.body, CAP_SCHEMA)).toBe('');
    expect(res.body).toContain('<scope>Public</scope>');
    expect(res.body).toContain('&amp; tetap tenang &lt;malam ini&gt;');
    expect(res.body).not.toContain('balas dendam');
    const feed = await call(null, 'GET', '/api/alerts/feed.xml?variant=public');
    expect(feed.statusCode).toBe(200);
    expect(xmllint(feed.body)).toBe('');
    expect(feed.body).toContain(`/api/alerts/${alert.id}/cap.xml?variant=public`);
    expect(feed.body).not.toContain('Ajakan balas dendam');
  });

  it('writes an Update that references the alert it replaces, also valid', async () => {
    const alerts = await t.db.asSystem((tx) =>
      tx.query<{ id: string }>(
        "SELECT id FROM alerts WHERE supersedes IS NOT NULL AND status = 'aktif' LIMIT 1",
      ),
    );
    const id =
      alerts[0]?.id ??
      (await (async () => {
        await raise('waspada');
        return (await raise('awas')).id;
      })());
    const xml = (await call(provinsi, 'GET', `/api/alerts/${id}/cap.xml`)).body;
    capDocuments.push(xml);
    expect(xml).toContain('<msgType>Update</msgType>');
    expect(xml).toMatch(
      /<references>sigap\.dinsos\.jatimprov\.go\.id,sigap-[0-9a-f-]+,\d{4}-[\d-]+T[\d:]+\+07:00<\/references>/,
    );
    expect(xmllint(xml, CAP_SCHEMA)).toBe('');
  });

  it('lists current alerts in scope in the Atom feed', async () => {
    const feed = await call(operatorA, 'GET', '/api/alerts/feed.xml');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(xmllint(feed.body)).toBe('');
    expect(feed.body).toContain('<category term="awas"/>');
    expect((await call(banyuwangi, 'GET', '/api/alerts/feed.xml')).body).not.toContain('<entry>');
    expect(capDocuments.length).toBeGreaterThanOrEqual(3);
  });
});

// Over 450 lines on purpose: the channel intake's tests share one app with its fake WhatsApp API and signed deliveries,
// set up once; a second file would set it all up again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { people, testAppWith } from '../../../../test/harness.ts';
import { ReportInput } from '../../../shared/reports/report-schema.ts';
import { systemClock } from '../../platform/clock.ts';
import { singleStatements } from '../../platform/db.ts';
import { submitReport } from '../reports/reports-service.ts';
import { principalFrom } from '../users/users-service.ts';
import { findUserById, findUserByUsername } from '../users/users-store.ts';
import { messageReportedAtCommit } from './channels-fresh-store.ts';
import { drainOutbox } from './channels-outbox.ts';
import { reportIdOfLead, senderPhone } from './channels-service.ts';
import { leadReportedAtCommit, takeInMessage } from './channels-store.ts';
import {
  channelEnv,
  type FakeApi,
  SMS_SECRET,
  sign,
  startFakeApi,
  VERIFY_TOKEN,
  whatsAppDelivery,
} from './channels-test-helpers.ts';

describe('WhatsApp and SMS in', () => {
  let api: FakeApi;
  beforeAll(async () => {
    api = await startFakeApi();
  });
  afterAll(() => api.close());
  const { t, operator, koordinator, provinsi } = testAppWith(
    {
      ...people('operator', 'koordinator', 'provinsi'),
    },
    { env: () => channelEnv(api) },
  );
  const at = (minutes: number) => new Date(Date.UTC(2026, 7, 22, 14, minutes));
  /**
   * Twenty messages of the last hour from one sender, each its own lead, 3 minutes apart back from 21:59 WIB:
   * `idPrefix` with 0–19 are their provider ids.
   */
  const seedLimitedHour = (channel: string, idPrefix: string, sender: string, trust: string, area: string) =>
    t.db.asSystem((tx) =>
      tx.query(
        `INSERT INTO channel_messages (channel, provider_id, sender, trust, area_code, message_type, body, received_at, status)
         SELECT $2::text, $3::text || i, $4::text, $5::text, $6::text, 'text', 'pesan',
           $1::timestamptz - i * interval '3 minutes', 'dibatasi'
         FROM generate_series(0, 19) i`,
        [at(59), channel, idPrefix, sender, trust, area],
      ),
    );
  /** A WhatsApp text from `from`, `minutes` after 21:00 WIB on 22 August, as Meta delivers it. */
  const waText = (from: string, wamid: string, minutes: number, text: string) =>
    whatsAppDelivery(from, wamid, at(minutes), { type: 'text', text });

  const postWa = (body: string, signature = sign(body)) =>
    t.app.inject({
      method: 'POST',
      url: '/api/channels/whatsapp',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      payload: body,
    });
  const postSms = (payload: Record<string, string>, secret = SMS_SECRET, form = false) =>
    t.app.inject({
      method: 'POST',
      url: '/api/channels/sms',
      headers: {
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
        'x-sigap-secret': secret,
      },
      payload: form ? new URLSearchParams(payload).toString() : JSON.stringify(payload),
    });
  const countMessages = async () =>
    (await t.db.asSystem((tx) => tx.one<{ n: number }>('SELECT count(*)::int AS n FROM channel_messages')))
      ?.n;
  const drain = () => drainOutbox({ db: t.db, clock: systemClock, config: t.config });

  it('answers the verification handshake only with the verify token', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/channels/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/api/channels/whatsapp?hub.mode=subscribe&hub.verify_token=salah-sekali&hub.challenge=1',
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses a bad signature or secret with 401 and stores nothing; a malformed body is 400 with a reason', async () => {
    const body = waText('6281230000001', 'wamid.bad1', 0, 'Tawuran di Tanggul');
    expect((await postWa(body, sign(body, 'rahasia-lain-sekali'))).statusCode).toBe(401);
    expect((await postWa(body, 'sha256=00')).statusCode).toBe(401);
    expect(
      (await postSms({ from: '081230000001', text: 'tes', id: 'x1' }, 'rahasia-yang-salah-sekali'))
        .statusCode,
    ).toBe(401);
    expect(await countMessages()).toBe(0);
    const broken = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ changes: [{ value: 'x' }] }],
    });
    const malformed = await postWa(broken);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toContain('entry.0.changes.0.value');
    const noText = await postSms({ from: '081230000001', id: 'x2' } as Record<string, string>);
    expect(noText.statusCode).toBe(400);
    expect(noText.json().error.message).toContain('text');
    expect(await countMessages()).toBe(0);
  });

  it('answers an SMS stamped beyond any date (epoch milliseconds past 8.64e15) with 400, keeping nothing', async () => {
    const before = await countMessages();
    const far = await postSms({
      from: '081230000009',
      text: 'tes',
      id: 'x-far',
      receivedAt: '9000000000000000',
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.message).toContain('receivedAt');
    expect(await countMessages()).toBe(before);
  });

  it('merges a text, a location pin and a photo from one sender into one report with the reader’s suggestions', async () => {
    const from = '6281230000002';
    const text =
      'Tawuran antar perguruan silat di desa Tanggul Wetan kecamatan Tanggul, 2 orang luka, anak-anak ketakutan';
    const first = await postWa(waText(from, 'wamid.m1', 0, text));
    expect(first.statusCode).toBe(200);
    const [outcome] = first.json().outcomes;
    expect(outcome.status).toBe('dilaporkan');
    const pin = await postWa(
      whatsAppDelivery(from, 'wamid.m2', at(3), { type: 'location', latitude: -8.165, longitude: 113.48 }),
    );
    expect(pin.json().outcomes[0]).toMatchObject({ status: 'digabung', reportId: outcome.reportId });
    const photo = await postWa(
      whatsAppDelivery(from, 'wamid.m3', at(5), { type: 'image', mediaId: 'media-77' }),
    );
    expect(photo.json().outcomes[0]).toMatchObject({ status: 'digabung', reportId: outcome.reportId });

    const list = await t.call(operator, 'GET', '/api/reports?channel=whatsapp');
    const items = list.json().items as Record<string, unknown>[];
    expect(items.filter((r) => r.id === outcome.reportId)).toHaveLength(1);
    const report = items.find((r) => r.id === outcome.reportId) as Record<string, unknown>;
    expect(report).toMatchObject({
      channel: 'whatsapp',
      kind: 'kejadian',
      conflictType: 'antar_perguruan_silat',
      regionCode: '35.09.06.2002',
      injured: 2,
      latitude: -8.165,
      longitude: 113.48,
    });
    expect(report.vulnerable).toEqual({ anak: { harmed: 0, displaced: 0, atRisk: 1 } });
    const photos = await t.db.asSystem((tx) =>
      tx.query('SELECT id FROM report_photos WHERE report_id = $1', [outcome.reportId]),
    );
    expect(photos).toHaveLength(1);

    const messages = await t.call(operator, 'GET', `/api/reports/${outcome.reportId}/messages`);
    expect(messages.statusCode).toBe(200);
    const [lead] = messages.json().items;
    expect(lead.joined).toBe(2);
    expect(lead.reading.conflictType).toBe('antar_perguruan_silat');
    const [start, end] = lead.reading.evidence.conflictType.spans[0];
    expect(text.slice(start, end).toLowerCase()).toContain('silat');
  });

  it('never duplicates a retried delivery', async () => {
    const body = waText(
      '6281230000003',
      'wamid.r1',
      10,
      'Bentrok suporter di desa Tanggul Wetan kecamatan Tanggul, warga lempar batu',
    );
    const a = (await postWa(body)).json().outcomes[0];
    const b = (await postWa(body)).json().outcomes[0];
    expect(b).toMatchObject({ duplicate: true, reportId: a.reportId });
    const rows = await t.db.asSystem((tx) =>
      tx.query("SELECT id FROM channel_messages WHERE provider_id = 'wamid.r1'"),
    );
    expect(rows).toHaveLength(1);
  });

  it('adds a joined text to its report when the delivery is retried after a stop between taking it in and the report', async () => {
    const from = '6281230000023';
    const first = await postWa(
      waText(
        from,
        'wamid.stop1',
        20,
        'Bentrok warga di desa Tanggul Wetan kecamatan Tanggul, satu rumah rusak',
      ),
    );
    const { reportId } = first.json().outcomes[0];
    const later = 'Sekarang dua rumah dibakar massa';
    // As if the process stopped right after keeping the message: taken in, not yet joined to the report.
    await takeInMessage(
      singleStatements(t.db),
      {
        channel: 'whatsapp',
        providerId: 'wamid.stop2',
        sender: senderPhone(from) as string,
        type: 'text',
        body: later,
        latitude: null,
        longitude: null,
        mediaId: null,
        receivedAt: at(24),
      },
      { joinSince: at(-6), hourAgo: at(-36), perHour: 20 },
    );
    const delivery = waText(from, 'wamid.stop2', 24, later);
    for (const attempt of [1, 2]) {
      const retried = await postWa(delivery);
      expect({ attempt, outcome: retried.json().outcomes[0] }).toMatchObject({
        attempt,
        outcome: { status: 'digabung', reportId, duplicate: true },
      });
    }
    const report = (await t.call(operator, 'GET', `/api/reports/${reportId}`)).json();
    expect(report.description).toContain(later);
    const amendments = (await t.call(operator, 'GET', `/api/reports/${reportId}/amendments`)).json().items;
    expect(amendments).toHaveLength(1);
  });

  it('keeps a message without a place in the province queue for an unknown sender, and asks once', async () => {
    const body = waText('6281230000004', 'wamid.q1', 20, 'Ada keributan warga, tolong cepat datang');
    expect((await postWa(body)).json().outcomes[0]).toMatchObject({ status: 'menunggu', reportId: null });
    const seen = (await t.call(provinsi, 'GET', '/api/channels/queue')).json();
    expect(seen.items.map((m: { text: string }) => m.text)).toContain(
      'Ada keributan warga, tolong cepat datang',
    );
    const notV = (await t.call(koordinator, 'GET', '/api/channels/queue')).json();
    expect(notV.items).toHaveLength(0);
  });

  it('lets only the message’s own reporter, in the transaction filing the lead’s report, record it as reported', async () => {
    const body = waText('6281230000013', 'wamid.s1', 45, 'Ada keributan di ujung gang, tolong');
    expect((await postWa(body)).json().outcomes[0].status).toBe('menunggu');
    const lead = await t.db.asSystem((tx) =>
      tx.one<{ id: string }>("SELECT id FROM channel_messages WHERE provider_id = 'wamid.s1'"),
    );
    const leadId = (lead as { id: string }).id;
    const reportId = reportIdOfLead(leadId);
    const forged = {
      body: 'Ada keributan di ujung gang, tolong. Palsu',
      latitude: null,
      longitude: null,
      reading: {},
      reportId,
    };
    const user = await t.db.asSystem((tx) => findUserById(tx, operator.id));
    const principal = principalFrom(user as NonNullable<typeof user>, []);
    // no actor; an actor without the report; an operator filing the lead's report as himself
    await expect(
      t.db.appQuery('SELECT sigap_channel_lead_reported($1, $2, $3, NULL, NULL, NULL, $4)', [
        leadId,
        reportId,
        'palsu',
        'palsu',
      ]),
    ).rejects.toThrow(/signed actor/);
    await expect(
      t.db.asActor(principal.actor, async (tx) => leadReportedAtCommit(tx, leadId, forged, 'palsu')),
    ).rejects.toThrow(/not filed in this transaction/);
    const input = ReportInput.parse(reportPayload({ id: reportId, channel: 'whatsapp' }));
    await expect(
      submitReport({ db: t.db, clock: systemClock }, principal, input, (tx) =>
        leadReportedAtCommit(tx, leadId, forged, 'palsu'),
      ),
    ).rejects.toThrow(/not who the message reports as/);
    const after = await t.db.asSystem((tx) =>
      tx.one<{ status: string; body: string; reports: number; sent: number }>(
        `SELECT status, body, (SELECT count(*)::int FROM reports WHERE id = $2) AS reports,
           (SELECT count(*)::int FROM channel_outbox WHERE body = 'palsu') AS sent
         FROM channel_messages WHERE id = $1`,
        [leadId, reportId],
      ),
    );
    expect(after).toEqual({
      status: 'menunggu',
      body: 'Ada keributan di ujung gang, tolong',
      reports: 0,
      sent: 0,
    });
  });

  it('keeps a new text with the report it files, audited and answered; only the channel’s reporter, in that transaction, for a number that is nobody’s', async () => {
    const text = 'Bentrok warga di desa Tanggul Wetan kecamatan Tanggul, satu rumah rusak';
    const filed = await postWa(waText('6281230000020', 'wamid.n1', 50, text));
    const { reportId } = filed.json().outcomes[0];
    const kept = await t.db.asSystem((tx) =>
      tx.one<{ status: string; trust: string; label: string; receipts: number }>(
        `SELECT m.status, m.trust, a.actor_label AS label,
           (SELECT count(*)::int FROM channel_outbox o WHERE o.event_key = 'receipt:' || m.report_id) AS receipts
         FROM channel_messages m JOIN audit_log a ON a.subject_id = m.id::text AND a.action = 'channel.message_received'
         WHERE m.provider_id = 'wamid.n1' AND m.report_id = $1`,
        [reportId],
      ),
    );
    expect(kept).toEqual({ status: 'dilaporkan', trust: 'warga', label: 'kanal:whatsapp', receipts: 1 });

    const relawan = await t.user({ role: 'relawan', region: '35.09.06' });
    await t.db.asSystem((tx) =>
      tx.query(`UPDATE users SET phone = '+6281230000021' WHERE id = $1`, [relawan.id]),
    );
    const asUser = async (id: string) => {
      const user = await t.db.asSystem((tx) => findUserById(tx, id));
      return principalFrom(user as NonNullable<typeof user>, []);
    };
    const warga = await t.db.asSystem((tx) => findUserByUsername(tx, 'warga-whatsapp'));
    const channelReporter = await asUser((warga as { id: string }).id);
    const window = { joinSince: at(30), hourAgo: at(0), perHour: 20 };
    const forge = (sender: string, providerId: string) => {
      const id = crypto.randomUUID();
      const message = {
        id,
        channel: 'whatsapp' as const,
        providerId,
        sender,
        body: text,
        receivedAt: at(55),
        reportId: reportIdOfLead(id),
        reading: {},
      };
      const input = ReportInput.parse(reportPayload({ id: message.reportId, channel: 'whatsapp' }));
      return { message, input };
    };
    const before = await countMessages();
    // no actor; an operator; the channel's reporter without the report; with it, for a user's number and for a
    // number with an open draft
    await expect(
      t.db.appQuery(
        'SELECT sigap_channel_message_reported($1, $2, $3, $4, $5, now(), now(), now(), 20, $6, NULL, $7)',
        [
          crypto.randomUUID(),
          'whatsapp',
          'wamid.x0',
          '+6281230000022',
          'palsu',
          crypto.randomUUID(),
          'palsu',
        ],
      ),
    ).rejects.toThrow(/signed actor/);
    const x1 = forge('+6281230000022', 'wamid.x1');
    await expect(
      submitReport({ db: t.db, clock: systemClock }, await asUser(operator.id), x1.input, (tx) =>
        messageReportedAtCommit(tx, x1.message, window, 'palsu'),
      ),
    ).rejects.toThrow(/only the channel's own reporter/);
    await expect(
      t.db.asActor(channelReporter.actor, async (tx) =>
        messageReportedAtCommit(tx, x1.message, window, 'palsu'),
      ),
    ).rejects.toThrow(/not filed in this transaction/);
    const x2 = forge('+6281230000021', 'wamid.x2');
    await expect(
      submitReport({ db: t.db, clock: systemClock }, channelReporter, x2.input, (tx) =>
        messageReportedAtCommit(tx, x2.message, window, 'palsu'),
      ),
    ).rejects.toThrow(/known number/);
    const x3 = forge('+6281230000020', 'wamid.x3');
    await expect(
      submitReport({ db: t.db, clock: systemClock }, channelReporter, x3.input, (tx) =>
        messageReportedAtCommit(tx, x3.message, { ...window, joinSince: at(49) }, 'palsu'),
      ),
    ).rejects.toThrow(/open draft/);
    const after = await t.db.asSystem((tx) =>
      tx.one<{ reports: number; sent: number }>(
        `SELECT (SELECT count(*)::int FROM reports WHERE id = ANY($1::uuid[])) AS reports,
           (SELECT count(*)::int FROM channel_outbox WHERE body = 'palsu') AS sent`,
        [[x1.message.reportId, x2.message.reportId, x3.message.reportId]],
      ),
    );
    expect(after).toEqual({ reports: 0, sent: 0 });
    expect(await countMessages()).toBe(before);
  });

  it('puts a pillar’s message without a place in its Bakorwil’s queue, where a koordinator places it', async () => {
    await t.db.asSystem((tx) =>
      tx.query(
        `INSERT INTO pillars (pillar_type, name, name_key, home_region_code, phone)
         VALUES ('tksk', 'Pilar Uji', 'pilar uji', '35.09.06.2002', '+6281230000005')`,
      ),
    );
    const sms = await postSms({
      from: '081230000005',
      text: 'Ada warga dikeroyok dekat pasar, tolong',
      id: 'sms-q2',
    });
    expect(sms.json().outcomes[0].status).toBe('menunggu');
    const queue = (await t.call(koordinator, 'GET', '/api/channels/queue')).json();
    const waiting = queue.items.find((m: { channel: string }) => m.channel === 'sms');
    expect(waiting).toMatchObject({ trust: 'pilar', areaCode: '35.09', sender: '+6281230000005' });
    const placed = await t.call(koordinator, 'POST', `/api/channels/queue/${waiting.id}/place`, {
      regionCode: '35.09.06',
    });
    expect(placed.statusCode).toBe(200);
    const report = await t.call(operator, 'GET', `/api/reports/${placed.json().reportId}`);
    expect(report.json()).toMatchObject({ channel: 'sms', regionCode: '35.09.06' });
    const again = await t.call(koordinator, 'POST', `/api/channels/queue/${waiting.id}/place`, {
      regionCode: '35.09.06',
    });
    expect(again.statusCode).toBe(409);
  });

  it('masks an unknown sender’s number for a non-handler and shows it to the kab/kota’s operator', async () => {
    const body = waText(
      '6281230000006',
      'wamid.k1',
      30,
      'Pengeroyokan oleh oknum pesilat di desa Tanggul Wetan kecamatan Tanggul',
    );
    const { reportId } = (await postWa(body)).json().outcomes[0];
    const asKoordinator = (await t.call(koordinator, 'GET', `/api/reports/${reportId}/messages`)).json()
      .items[0];
    expect(asKoordinator).toMatchObject({ senderMasked: true, trust: 'warga' });
    expect(asKoordinator.sender).not.toContain('81230000006');
    const asOperator = (await t.call(operator, 'GET', `/api/reports/${reportId}/messages`)).json().items[0];
    expect(asOperator).toMatchObject({ senderMasked: false, sender: '+6281230000006' });
    const audit = await t.db.asSystem((tx) =>
      tx.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action LIKE 'channel.%'"),
    );
    expect(JSON.stringify(audit)).not.toContain('81230000006');
  });

  it('reads an SMS in the short form and one in free text', async () => {
    const short = await postSms(
      {
        from: '+6281230000007',
        text: 'lapor#tanggul wetan#silat#dua kelompok saling lempar batu',
        id: 'sms-s1',
      },
      SMS_SECRET,
      true,
    );
    const shortReport = await t.call(operator, 'GET', `/api/reports/${short.json().outcomes[0].reportId}`);
    expect(shortReport.json()).toMatchObject({
      channel: 'sms',
      regionCode: '35.09.06.2002',
      conflictType: 'antar_perguruan_silat',
    });
    const free = await postSms({
      from: '6281230000008',
      text: 'Sengketa lahan di desa Tanggul Wetan kecamatan Tanggul memanas, warga berkumpul',
      id: 'sms-f1',
    });
    const freeReport = await t.call(operator, 'GET', `/api/reports/${free.json().outcomes[0].reportId}`);
    expect(freeReport.json()).toMatchObject({ channel: 'sms', conflictType: 'sengketa_lahan_sda' });
    const list = await t.call(operator, 'GET', '/api/reports?channel=sms');
    expect(list.json().items.length).toBeGreaterThanOrEqual(3);
  });

  it('sends the receipts and the place question to the fake API once, on the sender’s channel', async () => {
    await drain();
    await drain();
    const toWa = (n: string) => api.sent.filter((s) => s.channel === 'whatsapp' && s.to === n);
    const receipt = toWa('6281230000002');
    expect(receipt).toHaveLength(1);
    expect(receipt[0].text).toMatch(/nomor [0-9A-F]{8}, prioritas P[1-4]/);
    const question = toWa('6281230000004');
    expect(question).toHaveLength(1);
    expect(question[0].text).toContain('Di desa/kecamatan mana kejadiannya?');
    const sms = api.sent.filter((s) => s.channel === 'sms' && s.to === '+6281230000007');
    expect(sms).toHaveLength(1);
    expect(sms[0].text).toContain('diterima');
  });

  it('keeps an unknown number’s 21st message of the hour without a report, audited as limited; a user’s number has no limit', async () => {
    // twenty messages of the last hour from one unknown number (each its own lead, as if sent 3 minutes apart)
    await seedLimitedHour('whatsapp', 'wamid.l', '+6281230000010', 'warga', '35');
    const placed = 'Bentrok warga di desa Tanggul Wetan kecamatan Tanggul, dua orang luka';
    const limited = await postWa(waText('6281230000010', 'wamid.l20', 59, placed));
    expect(limited.json().outcomes[0]).toMatchObject({ status: 'dibatasi', reportId: null });
    const entry = await t.db.asSystem((tx) =>
      tx.one<{ details: Record<string, unknown> }>(
        `SELECT a.details::jsonb AS details FROM audit_log a JOIN channel_messages m ON m.id::text = a.subject_id
         WHERE m.provider_id = 'wamid.l20' AND a.action = 'channel.message_received'`,
      ),
    );
    expect(entry?.details).toMatchObject({
      channel: 'whatsapp',
      trust: 'warga',
      limited: true,
      joined: false,
    });
    // an hour after the first of them, the number may report again
    const later = await postWa(waText('6281230000010', 'wamid.l21', 120, placed));
    expect(later.json().outcomes[0]).toMatchObject({ status: 'dilaporkan' });

    const relawan = await t.user({ role: 'relawan', region: '35.09.06' });
    await t.db.asSystem((tx) =>
      tx.query(`UPDATE users SET phone = '+6281230000011' WHERE id = $1`, [relawan.id]),
    );
    await seedLimitedHour('sms', 'sms-u', '+6281230000011', 'pengguna', '35.09');
    const waiting = await postSms({ from: '081230000011', text: 'Ada warga ribut, tolong', id: 'sms-u20' });
    expect(waiting.json().outcomes[0]).toMatchObject({ status: 'menunggu' });
    const row = await t.db.asSystem((tx) =>
      tx.one(
        `SELECT trust, area_code AS "areaCode", sender_user_id AS "senderUserId" FROM channel_messages
         WHERE provider_id = 'sms-u20'`,
      ),
    );
    expect(row).toEqual({ trust: 'pengguna', areaCode: '35.09', senderUserId: relawan.id });
  });

  it('files a registered user’s message as that user’s report', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.09.06' });
    await t.db.asSystem((tx) =>
      tx.query(`UPDATE users SET phone = '+6281230000012' WHERE id = $1`, [relawan.id]),
    );
    const filed = await postWa(
      waText(
        '6281230000012',
        'wamid.u1',
        40,
        'Tawuran pelajar di desa Tanggul Wetan kecamatan Tanggul, satu orang luka',
      ),
    );
    const { reportId } = filed.json().outcomes[0];
    const mine = await t.call(relawan, 'GET', `/api/reports/${reportId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ channel: 'whatsapp', reporterId: relawan.id });
  });
});

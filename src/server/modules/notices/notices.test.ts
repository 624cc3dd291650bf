import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, people, testAppWith } from '../../../../test/harness.ts';
import { noticeOf } from '../../../shared/notices/notice-texts.ts';
import { fakeClock } from '../../platform/clock.ts';
import { drainOutbox } from '../channels/channels-outbox.ts';
import { PHONE_NUMBER_ID, sign } from '../channels/channels-test-helpers.ts';
import { whatsAppEnvelope } from '../channels/whatsapp-envelope.ts';
import { notifyUsers } from '../notifications/notifications-service.ts';
import { deliverNotices } from './notices-delivery.ts';
import { noticeEnv, noticeServers } from './notices-test-helpers.ts';

// Late at night in WIB, after the database's own clock, so that every queued notice is due.
const NIGHT = new Date('2030-03-04T23:00:00+07:00');
const MORNING = new Date('2030-03-05T06:01:00+07:00');

// the fake WhatsApp/SMS API and mail server, started before the app that is given their addresses
const servers = noticeServers();

describe('notices to people who are not looking', () => {
  const clock = fakeClock(NIGHT);
  const { t, operator, optedOut, relawan, koordinator } = testAppWith(
    {
      ...people('operator'),
      optedOut: PEOPLE.operator,
      ...people('relawan', 'koordinator'),
    },
    {
      env: () => noticeEnv(servers, 'https://sigap.jatimprov.test/'),
      clock,
    },
  );
  let reportId: string;
  let otherKecamatan: string;

  const settings = (phone: string | null, email: string | null, choices: [string, string][]) => ({
    phone,
    email,
    language: 'id',
    quietFrom: '22:00',
    quietUntil: '06:00',
    choices: choices.map(([kind, channel]) => ({ kind, channel })),
  });
  /** Runs the delivery as two app instances would, at once, then sends what went to the outbox. */
  const deliver = async () => {
    const deps = { db: t.db, clock, config: t.config.notices };
    await Promise.all([deliverNotices(deps), deliverNotices({ ...deps })]);
    await drainOutbox({ db: t.db, clock, config: t.config });
  };
  /** Raises an alert as the koordinator; it must be raised. */
  const raiseAlert = async (regionCode: string, level: string, headline: string, description: string) => {
    const res = await t.call(koordinator, 'POST', '/api/alerts', {
      regionCode,
      level,
      headline,
      description,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const whatsAppTo = (phone: string) => servers.api.sent.filter((m) => m.to === phone.replace('+', ''));
  const mailsTo = (email: string) => servers.smtp.mails.filter((m) => m.to === email);

  beforeAll(async () => {
    const other = await t.db.asSystem((tx) =>
      tx.one<{ code: string }>(
        "SELECT code FROM regions WHERE code LIKE '35.09.__' AND code <> '35.09.06' ORDER BY code LIMIT 1",
      ),
    );
    otherKecamatan = other!.code;
    const saved = await t.call(
      operator,
      'PUT',
      '/api/notices/settings',
      settings('0812-3300-0001', 'operator.jember@contoh.go.id', [
        ['p1', 'whatsapp'],
        ['p1', 'email'],
        ['peringatan', 'whatsapp'],
        ['peringatan', 'email'],
      ]),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().settings.phone).toBe('+6281233000001');
    expect(
      (
        await t.call(
          relawan,
          'PUT',
          '/api/notices/settings',
          settings('081233000002', 'relawan.tanggul@contoh.id', [
            ['penugasan', 'whatsapp'],
            ['penugasan', 'email'],
          ]),
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.call(optedOut, 'PUT', '/api/notices/settings', settings('081233000003', null, []))).statusCode,
    ).toBe(200);
  });

  it('refuses a channel without its address, and a number another account has', async () => {
    const noPhone = await t.call(
      optedOut,
      'PUT',
      '/api/notices/settings',
      settings(null, null, [['p1', 'sms']]),
    );
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().error.details.fields[0].path).toBe('phone');
    const taken = await t.call(
      optedOut,
      'PUT',
      '/api/notices/settings',
      settings('+6281233000001', null, []),
    );
    expect(taken.statusCode).toBe(409);
  });

  it('sends a P1 at night at once, holds the assignment and the Siaga alert until the quiet hours end', async () => {
    const opened = await t.openCase(relawan, operator);
    reportId = opened.reportId;
    const caseId = opened.id;
    const assigned = await t.call(operator, 'POST', `/api/cases/${caseId}/assignments`, {
      userId: relawan.id,
      task: 'Temui kepala desa dan catat kebutuhan warga',
    });
    expect(assigned.statusCode).toBe(201);
    await raiseAlert(
      '35.09.06',
      'siaga',
      'Ajakan balas dendam menjelang pengesahan warga',
      'Pesan berantai mengajak anggota berkumpul di balai desa.',
    );

    await deliver();
    const p1 = whatsAppTo('+6281233000001');
    expect(p1).toHaveLength(1);
    expect(p1[0]?.text).toContain('laporan P1 baru di Tanggulwetan');
    expect(p1[0]?.text).toContain('https://sigap.jatimprov.test/kotak-masuk');
    expect(mailsTo('operator.jember@contoh.go.id')).toHaveLength(1);
    expect(mailsTo('operator.jember@contoh.go.id')[0]?.text).toContain('laporan P1 baru di Tanggulwetan');
    // quiet hours: nothing else yet, and nothing for the one who opted out
    expect(whatsAppTo('+6281233000002')).toHaveLength(0);
    expect(mailsTo('relawan.tanggul@contoh.id')).toHaveLength(0);
    expect(servers.api.sent).toHaveLength(1);

    clock.set(MORNING);
    await deliver();
    const assignment = whatsAppTo('+6281233000002');
    expect(assignment).toHaveLength(1);
    expect(assignment[0]?.text).toContain('tugas baru untuk Anda di Tanggulwetan');
    // what to do stays behind the sign-in: no task text, no names on a lost phone
    expect(assignment[0]?.text).not.toContain('kepala desa');
    expect(mailsTo('relawan.tanggul@contoh.id')).toHaveLength(1);
    const alerts = whatsAppTo('+6281233000001').filter((m) => m.text.includes('Siaga'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toContain('peringatan Siaga di Kecamatan Tanggul');
    expect(mailsTo('operator.jember@contoh.go.id')).toHaveLength(2);
    expect(whatsAppTo('+6281233000003')).toHaveLength(0);

    // again, and the same event from a second instance: nothing more
    await t.db.asSystem((tx) =>
      notifyUsers(tx, [operator.id], {
        kind: 'report.urgent',
        subjectType: 'report',
        subjectId: reportId,
        title: 'Laporan P1 baru di Tanggulwetan',
        notice: noticeOf.p1(reportId, 'Tanggulwetan'),
      }),
    );
    await deliver();
    expect(servers.api.sent).toHaveLength(3);
    expect(servers.smtp.mails).toHaveLength(3);
  });

  it('sends an Awas alert in the quiet hours, and nothing of a kind the user turned off', async () => {
    clock.set(new Date('2030-03-05T23:30:00+07:00'));
    const before = servers.api.sent.length;
    await raiseAlert(otherKecamatan, 'awas', 'Massa berkumpul', 'Dua kelompok berkumpul di lapangan.');
    await deliver();
    expect(servers.api.sent.slice(before).map((m) => m.to)).toEqual(['6281233000001']);
    expect(servers.api.sent.at(-1)?.text).toContain('peringatan Awas');

    // the operator keeps P1 only: the next alert sends nothing, by day or night
    const kept = await t.call(
      operator,
      'PUT',
      '/api/notices/settings',
      settings('081233000001', 'operator.jember@contoh.go.id', [['p1', 'whatsapp']]),
    );
    expect(kept.statusCode).toBe(200);
    clock.set(new Date('2030-03-06T10:00:00+07:00'));
    const count = servers.api.sent.length;
    const mails = servers.smtp.mails.length;
    await raiseAlert('35.09.06', 'awas', 'Situasi memburuk', 'Konvoi menuju desa tetangga.');
    await deliver();
    expect(servers.api.sent.length).toBe(count);
    expect(servers.smtp.mails.length).toBe(mails);
  });

  it('keeps a delivery log that WhatsApp statuses update, shown on the settings page', async () => {
    const first = servers.api.sent.findIndex((m) => m.to === '6281233000001') + 1;
    const body = whatsAppEnvelope({
      metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_NUMBER_ID },
      statuses: [
        { id: `wamid.out${first}`, status: 'read', timestamp: '1900000000', recipient_id: '6281233000001' },
      ],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/channels/whatsapp',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    const log = (await t.call(operator, 'GET', '/api/notices/settings')).json().log as {
      kind: string;
      channel: string;
      status: string;
      text: string;
    }[];
    const p1 = log.filter((n) => n.kind === 'p1');
    expect(p1.map((n) => n.channel).sort()).toEqual(['email', 'whatsapp']);
    expect(p1.find((n) => n.channel === 'whatsapp')?.status).toBe('dibaca');
    expect(p1.find((n) => n.channel === 'email')?.status).toBe('terkirim');
    for (const n of log) expect(n.text).not.toMatch(/\d{8,}/);
  });
});

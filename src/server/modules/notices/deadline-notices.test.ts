import { beforeAll, describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { PEOPLE, people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { drainOutbox } from '../channels/channels-outbox.ts';
import { warnNearingDeadlines } from '../escalation/deadline-warning-service.ts';
import { deliverNotices } from './notices-delivery.ts';
import { noticeEnv, noticeServers } from './notices-test-helpers.ts';

// Evening in WIB, after the database's own clock (so every queued notice is due), twenty minutes before the
// operator's quiet hours (22:00–06:00).
const EVENING = new Date('2030-03-05T21:40:00+07:00');
const at = (wib: string) => new Date(`${wib}+07:00`);

// the fake WhatsApp/SMS API and mail server, started before the app that is given their addresses
const servers = noticeServers();

describe('notices of a deadline about to pass', () => {
  const clock = fakeClock(EVENING);
  const { t, operator, otherOperator, relawan } = testAppWith(
    {
      ...people('operator'),
      otherOperator: PEOPLE.operator,
      ...people('relawan'),
    },
    {
      env: () => noticeEnv(servers, 'https://sigap.jatimprov.test'),
      clock,
    },
  );
  const ids: Record<'p1' | 'handled' | 'low' | 'forCase', string> = {
    p1: '',
    handled: '',
    low: '',
    forCase: '',
  };
  let caseId: string;

  const file = async (overrides: Record<string, unknown> = {}) => {
    const payload = reportPayload(overrides);
    const res = await t.call(relawan, 'POST', '/api/reports', payload);
    expect(res.statusCode, res.body).toBe(201);
    return { id: payload.id as string, priority: res.json().priority as string };
  };
  /** The warning run of two app instances at once, then the delivery, as the jobs would. */
  const warnAndDeliver = async () => {
    const [a, b] = await Promise.all([warnNearingDeadlines(t.db, clock), warnNearingDeadlines(t.db, clock)]);
    const deps = { db: t.db, clock, config: t.config.notices };
    await Promise.all([deliverNotices(deps), deliverNotices({ ...deps })]);
    await drainOutbox({ db: t.db, clock, config: t.config });
    return a + b;
  };
  const deadlineNotices = async (user: TestUser) =>
    (
      (await t.call(user, 'GET', '/api/notifications')).json().items as {
        kind: string;
        subjectId: string;
        title: string;
      }[]
    ).filter((n) => n.kind.endsWith('.deadline_near'));
  const whatsApp = () => servers.api.sent.filter((m) => m.to === '6281233000011').map((m) => m.text);
  const mails = () =>
    servers.smtp.mails.filter((m) => m.to === 'operator.tenggat@contoh.go.id').map((m) => m.text);

  beforeAll(async () => {
    const saved = await t.call(operator, 'PUT', '/api/notices/settings', {
      phone: '081233000011',
      email: 'operator.tenggat@contoh.go.id',
      language: 'id',
      quietFrom: '22:00',
      quietUntil: '06:00',
      choices: [
        { kind: 'tenggat', channel: 'whatsapp' },
        { kind: 'tenggat', channel: 'email' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('warns once when 80% of a P1 acknowledgement time has gone, even in the quiet hours, and not of a handled report', async () => {
    const p1 = await file();
    expect(p1.priority).toBe('P1');
    ids.p1 = p1.id;
    ids.handled = (await file()).id;
    const low = await file({ injured: 0, vulnerable: {}, needs: [] });
    expect(low.priority).toBe('P3');
    ids.low = low.id;

    // 21:40 + 30 minutes: due 22:10, about to pass from 22:04
    clock.set(at('2030-03-05T22:03'));
    expect(await warnAndDeliver()).toBe(0);
    expect(await deadlineNotices(operator)).toEqual([]);
    expect((await t.call(operator, 'POST', `/api/reports/${ids.handled}/acknowledgement`)).statusCode).toBe(
      200,
    );

    clock.set(at('2030-03-05T22:05'));
    expect(await warnAndDeliver()).toBe(1);
    for (const user of [operator, otherOperator]) {
      expect(await deadlineNotices(user)).toEqual([
        expect.objectContaining({
          kind: 'report.deadline_near',
          subjectId: ids.p1,
          title: expect.stringMatching(
            /^Tenggat hampir lewat: laporan P1 di .* belum diterima \(tenggat 5 Maret 2030 pukul 22\.10 WIB\)$/,
          ),
        }),
      ]);
    }
    // a P1's deadline breaks the quiet hours; the one who did not opt in gets only the in-app notice
    expect(whatsApp()).toEqual([
      expect.stringMatching(
        /^Sigap: tenggat penerimaan laporan P1 di .* hampir lewat \(5 Maret 2030 pukul 22\.10 WIB\)\. Buka: https:\/\/sigap\.jatimprov\.test\/kotak-masuk$/,
      ),
    ]);
    expect(mails()).toHaveLength(1);
    expect(servers.api.sent).toHaveLength(1);

    // again, and after the deadline: nothing more
    expect(await warnAndDeliver()).toBe(0);
    clock.set(at('2030-03-05T22:30'));
    expect(await warnAndDeliver()).toBe(0);
    expect(await deadlineNotices(operator)).toHaveLength(1);
    expect(servers.api.sent).toHaveLength(1);
    expect(servers.smtp.mails).toHaveLength(1);
  });

  it('holds a lower priority deadline notice until the quiet hours end', async () => {
    // P3: 480 minutes from 21:40, due 05:40, about to pass from 04:04
    clock.set(at('2030-03-06T04:03'));
    expect(await warnAndDeliver()).toBe(0);
    clock.set(at('2030-03-06T04:05'));
    expect(await warnAndDeliver()).toBe(1);
    expect((await deadlineNotices(operator)).map((n) => n.subjectId)).toContain(ids.low);
    expect(servers.api.sent).toHaveLength(1);
    expect(servers.smtp.mails).toHaveLength(1);

    clock.set(at('2030-03-06T06:01'));
    expect(await warnAndDeliver()).toBe(0);
    expect(whatsApp()).toHaveLength(2);
    expect(whatsApp()[1]).toMatch(
      /^Sigap: tenggat penerimaan laporan P3 di .* \(6 Maret 2030 pukul 05\.40 WIB\)/,
    );
    expect(mails()).toHaveLength(2);
  });

  it("warns once of a case's first field response deadline", async () => {
    clock.set(at('2030-03-06T08:00'));
    const opened = await t.openCase(relawan, operator);
    ids.forCase = opened.reportId;
    caseId = opened.id;

    // P1: first field response within 120 minutes, about to pass from 09:36
    clock.set(at('2030-03-06T09:35'));
    expect(await warnAndDeliver()).toBe(0);
    clock.set(at('2030-03-06T09:37'));
    expect(await warnAndDeliver()).toBe(1);
    expect((await deadlineNotices(operator)).filter((n) => n.subjectId === caseId)).toEqual([
      expect.objectContaining({
        kind: 'case.deadline_near',
        title: expect.stringContaining('belum ada respons lapangan'),
      }),
    ]);
    expect(whatsApp().at(-1)).toMatch(
      /^Sigap: tenggat respons lapangan kasus P1 di .* hampir lewat .* Buka: https:\/\/sigap\.jatimprov\.test\/kasus\//,
    );
    expect(await warnAndDeliver()).toBe(0);
    expect(whatsApp()).toHaveLength(3);
  });

  it("warns once of a case's resolution deadline, when 80% of its seven days have gone", async () => {
    // the P1 case above began with its report at 08:00 on 6 March: resolved within 7 days, due 08:00 on 13 March,
    // about to pass from 22:24 on 11 March (a P1: in the operator's quiet hours too)
    clock.set(at('2030-03-11T22:23'));
    expect(await warnAndDeliver()).toBe(0);
    clock.set(at('2030-03-11T22:25'));
    expect(await warnAndDeliver()).toBe(1);
    const resolve = (await deadlineNotices(operator)).filter(
      (n) => n.subjectId === caseId && n.title.includes('belum selesai'),
    );
    expect(resolve).toEqual([
      expect.objectContaining({
        kind: 'case.deadline_near',
        title: expect.stringMatching(/\(tenggat 13 Maret 2030 pukul 08\.00 WIB\)$/),
      }),
    ]);
    expect(whatsApp().at(-1)).toMatch(
      /^Sigap: tenggat penyelesaian kasus P1 di .* hampir lewat \(13 Maret 2030 pukul 08\.00 WIB\)\. Buka: https:\/\/sigap\.jatimprov\.test\/kasus\//,
    );
    expect(await warnAndDeliver()).toBe(0);
    clock.set(at('2030-03-13T08:01'));
    expect(await warnAndDeliver()).toBe(0);
    expect(whatsApp()).toHaveLength(4);
  });

  it('warns once of an alert nobody acknowledged, when 80% of its level’s time has gone', async () => {
    clock.set(at('2030-03-14T09:00'));
    const koordinator = await t.user({ role: 'koordinator', region: 'V' });
    const raised = await t.call(koordinator, 'POST', '/api/alerts', {
      regionCode: '35.09.06',
      level: 'siaga',
      headline: 'Siaga kerawanan di Kecamatan Tanggul',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    // Siaga: acknowledged within 120 minutes, due 11:00, about to pass from 10:36
    clock.set(at('2030-03-14T10:35'));
    expect(await warnAndDeliver()).toBe(0);
    clock.set(at('2030-03-14T10:37'));
    expect(await warnAndDeliver()).toBe(1);
    expect((await deadlineNotices(operator)).filter((n) => n.subjectId === raised.json().id)).toEqual([
      expect.objectContaining({
        kind: 'alert.deadline_near',
        title: expect.stringMatching(/^Tenggat hampir lewat: peringatan Siaga di .* belum diterima/),
      }),
    ]);
    expect(whatsApp().at(-1)).toMatch(
      /^Sigap: tenggat penerimaan peringatan Siaga di .* hampir lewat \(14 Maret 2030 pukul 11\.00 WIB\)\. Buka: https:\/\/sigap\.jatimprov\.test\/peringatan-dini$/,
    );
    expect(await warnAndDeliver()).toBe(0);
    expect(whatsApp()).toHaveLength(5);
  });
});

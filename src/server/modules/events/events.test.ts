import { afterEach, describe, expect, it } from 'vitest';
import { openEventStream } from '../../../../test/event-stream.ts';
import { authAs, buildTestApp, type TestApp, type TestUser } from '../../../../test/harness.ts';
import { type NewSigapEvent, publishEvent } from '../../platform/events.ts';

function reportCreated(id: string, regionCode: string): NewSigapEvent {
  return { type: 'report.created', subject: { type: 'report', id }, visibility: { regionCode } };
}

/** A server-sent event stream of `user`, read block by block. */
function openStream(baseUrl: string, user: TestUser) {
  return openEventStream(baseUrl, authAs(user));
}

function fieldsOf(block: string): Record<string, string> {
  return Object.fromEntries(
    block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function listening(): Promise<string> {
  t = await buildTestApp();
  return t.app.listen({ port: 0, host: '127.0.0.1' });
}

describe('GET /api/events', () => {
  it('streams to an operator of 35.09 the events of 35.09.06.2002 and not those of 35.10.01.2001', async () => {
    const baseUrl = await listening();
    const operator = await t.user({ role: 'operator', region: '35.09' });
    const stream = await openStream(baseUrl, operator);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.res.headers.get('cache-control')).toBe('no-cache');
    expect(await stream.next()).toMatch(/^: connected/);

    // published first: had it been delivered, it would arrive before the other one
    await t.db.asSystem((tx) => publishEvent(tx, reportCreated('banyuwangi-1', '35.10.01.2001')));
    const published = await t.db.asSystem((tx) =>
      publishEvent(tx, reportCreated('jember-1', '35.09.06.2002')),
    );

    const block = fieldsOf((await stream.next()) as string);
    expect(block.id).toBe(published.id);
    expect(block.event).toBe('report.created');
    expect(JSON.parse(block.data)).toEqual(published);
    stream.close();
  });

  it('refuses a request without credentials', async () => {
    t = await buildTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/events' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('unsubscribes when the client disconnects', async () => {
    const baseUrl = await listening();
    const relawan = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    const stream = await openStream(baseUrl, relawan);
    await stream.next();
    expect(t.events.subscriberCount()).toBe(1);

    stream.close();

    const deadline = Date.now() + 5000;
    while (t.events.subscriberCount() > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(t.events.subscriberCount()).toBe(0);
  });

  it('ends open streams when the app closes, so shutdown does not wait for clients', async () => {
    const baseUrl = await listening();
    const operator = await t.user({ role: 'operator', region: '35.09' });
    const stream = await openStream(baseUrl, operator);
    await stream.next();

    await t.app.close();

    expect(await stream.next()).toBeNull();
    expect(t.events.subscriberCount()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { PEOPLE, people, type TestUser, testAppWith } from '../../../../test/harness.ts';

type Item = { id: string; kind: string; subjectId: string; title: string; readAt: string | null };

describe('the inbox', () => {
  const { t, operator, secondOperator, banyuwangiOperator, koordinator, relawan } = testAppWith({
    ...people('operator'),
    secondOperator: PEOPLE.operator,
    banyuwangiOperator: { role: 'operator', region: '35.10' },
    ...people('koordinator', 'relawan'),
  });

  const items = async (user: TestUser, query = ''): Promise<Item[]> =>
    (await t.call(user, 'GET', `/api/notifications${query}`)).json().items;

  const unread = async (user: TestUser): Promise<number> =>
    (await t.call(user, 'GET', '/api/notifications/count')).json().unread;

  async function submit(overrides: Record<string, unknown> = {}): Promise<string> {
    return t.filedReport(relawan, overrides);
  }

  it('puts a new P1 report into the inbox of every operator of its kab/kota, with the reasons in words', async () => {
    const reportId = await submit({ vulnerable: { anak: { harmed: 3 }, disabilitas: { atRisk: 1 } } });
    const region = (await t.call(operator, 'GET', `/api/reports/${reportId}`)).json().regionName;
    for (const user of [operator, secondOperator]) {
      expect(await items(user)).toContainEqual(
        expect.objectContaining({
          kind: 'report.urgent',
          subjectId: reportId,
          title: `Laporan P1 baru di ${region}: anak terluka`,
          readAt: null,
        }),
      );
    }
    expect(await items(banyuwangiOperator)).toEqual([]);
    expect(await items(koordinator)).toEqual([]);
    expect(await items(relawan)).toEqual([]);
  });

  it('notifies P2 reports, and not P3 ones', async () => {
    const p2 = await submit({ vulnerable: { lansia: { atRisk: 2 } } });
    const p3 = await submit({ injured: 0, vulnerable: {} });
    const ids = (await items(operator)).map((n) => n.subjectId);
    expect(ids).toContain(p2);
    expect(ids).not.toContain(p3);
    expect((await items(operator)).find((n) => n.subjectId === p2)?.title).toMatch(
      /^Laporan P2 baru di .*: lansia terdampak, ada korban luka$/,
    );
  });

  it('marks one item read, then the rest, and counts what is unread', async () => {
    const before = await unread(operator);
    expect(before).toBeGreaterThan(1);
    const [first] = await items(operator, '?unread=true');
    const read = await t.call(operator, 'POST', `/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toMatch(/\+07:00$/);
    expect(await unread(operator)).toBe(before - 1);
    expect((await items(operator, '?unread=true')).map((n) => n.id)).not.toContain(first.id);
    expect((await items(operator)).map((n) => n.id)).toContain(first.id);

    const all = await t.call(operator, 'POST', '/api/notifications/read-all');
    expect(all.json()).toEqual({ updated: before - 1 });
    expect(await unread(operator)).toBe(0);
    // the other operator's inbox is theirs
    expect(await unread(secondOperator)).toBe(before);
  });

  it("refuses someone else's item as if it did not exist, and a request without credentials", async () => {
    const [theirs] = await items(secondOperator);
    const res = await t.call(banyuwangiOperator, 'POST', `/api/notifications/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await items(secondOperator)).find((n) => n.id === theirs.id)?.readAt).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/count' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/read-all' })).statusCode).toBe(401);
  });
});

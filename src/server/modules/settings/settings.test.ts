import { describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { testAppWith } from '../../../../test/harness.ts';

describe('settings', () => {
  const { t } = testAppWith({});

  it('lets the admin change the P1 deadlines, which new reports then get; an operator is refused', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const operator = await t.user({ role: 'operator', region: '35.09' });
    const items = [
      { priority: 'P1', acknowledgeMinutes: 15, responseMinutes: 60, resolveMinutes: 7 * 24 * 60 },
    ];
    const refused = await t.call(operator, 'PUT', '/api/settings/sla', { items });
    expect(refused.statusCode).toBe(403);
    const ok = await t.call(admin, 'PUT', '/api/settings/sla', { items });
    expect(ok.statusCode).toBe(200);
    const report = (await t.call(operator, 'POST', '/api/reports', reportPayload())).json();
    expect(new Date(report.dueAcknowledgeAt).getTime() - new Date(report.createdAt).getTime()).toBe(
      15 * 60_000,
    );
    const inverted = await t.call(admin, 'PUT', '/api/settings/sla', {
      items: [{ ...items[0], acknowledgeMinutes: 120 }],
    });
    expect(inverted.statusCode).toBe(400);
  });

  it('keeps the list of partner agencies, edited by the admin only', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const operator = await t.user({ role: 'operator', region: '35.09' });
    const payload = { name: 'Kesbangpol Jember', kabkotaCode: '35.09' };
    expect((await t.call(operator, 'PUT', '/api/agencies/kesbangpol-jember', payload)).statusCode).toBe(403);
    const saved = await t.call(admin, 'PUT', '/api/agencies/kesbangpol-jember', payload);
    expect(saved.json()).toEqual({
      id: 'kesbangpol-jember',
      name: 'Kesbangpol Jember',
      kabkotaCode: '35.09',
      isActive: true,
    });
    const list = (await t.call(operator, 'GET', '/api/agencies')).json().items;
    expect(list.map((a: { id: string }) => a.id)).toContain('kesbangpol-jember');
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { captureOutput, useCliTarget, withDatabase } from './cli-test-helpers.ts';
import { runCli } from './sigap.ts';

describe('sigap CLI: personal data retention from the console', { timeout: 120_000 }, () => {
  const target = useCliTarget();
  const run = async (...argv: string[]) => {
    const output = captureOutput();
    const code = await runCli(argv, target.env, output);
    return { code, out: output.stdout.join('\n') };
  };
  /** A citizen's WhatsApp message received `monthsAgo` months ago; its sender as stored now. */
  const message = async (monthsAgo: number) => {
    return withDatabase(target, async (db) => {
      const at = new Date(Date.now() - monthsAgo * 31 * 86_400_000).toISOString();
      const rows = await db.asSystem((tx) =>
        tx.query<{ id: string }>(
          `INSERT INTO channel_messages (channel, provider_id, sender, trust, area_code, message_type, body,
             received_at, status)
           VALUES ('whatsapp', $1, '+6281234500077', 'warga', '35.09', 'text', 'Ada bentrok di desa kami', $2,
             'dilaporkan') RETURNING id::text AS id`,
          [randomUUID(), at],
        ),
      );
      return rows[0]?.id as string;
    });
  };
  const senderOf = async (id: string) => {
    return withDatabase(target, async (db) => {
      const rows = await db.asSystem((tx) =>
        tx.query<{ sender: string }>('SELECT sender FROM channel_messages WHERE id = $1', [id]),
      );
      return rows[0]?.sender;
    });
  };

  it('lists the old message in the plan without changing it, then anonymises only it in a run', async () => {
    const old = await message(14);
    const recent = await message(2);
    const plan = await run('privacy', 'retention-plan');
    expect(plan.code).toBe(0);
    expect(plan.out).toMatch(/uji coba/);
    expect(plan.out).toMatch(/channel_messages\s+1\s/);
    expect(plan.out).toContain(old);
    expect(plan.out).not.toContain(recent);
    expect(plan.out).not.toContain('+6281234500077');
    expect(await senderOf(old)).toBe('+6281234500077');

    const done = await run('privacy', 'retention-run');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/channel_messages\s+1\s/);
    expect(await senderOf(old)).not.toBe('+6281234500077');
    expect(await senderOf(recent)).toBe('+6281234500077');
    expect((await run('privacy', 'retention-plan')).out).toMatch(/channel_messages\s+0\s/);
  });
});

import { describe, expect, it } from 'vitest';
import { testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { DELIVERY_ATTEMPTS } from '../../platform/delivery-queue.ts';
import { drainOutbox } from './channels-outbox.ts';
import { enqueue } from './channels-store.ts';

describe('the outbox', () => {
  const clock = fakeClock(new Date('2030-01-07T08:00:00+07:00'));
  const { t } = testAppWith({});
  // nothing listens on port 9 (discard): every send fails
  const config = { whatsapp: undefined, sms: { secret: 'rahasia', sendUrl: 'http://127.0.0.1:9/' } };
  const drain = () => drainOutbox({ db: t.db, clock, config });
  const row = () =>
    t.db.asSystem((tx) =>
      tx.one<{ status: string; attempts: number; last_error: string | null }>(
        "SELECT status, attempts, last_error FROM channel_outbox WHERE event_key = 'uji:gagal'",
      ),
    );

  it('tries a failed send again after 1, 2, 4, 8 and 16 minutes, and gives it up (gagal) after the last attempt', async () => {
    await t.db.asSystem((tx) =>
      enqueue(tx, {
        channel: 'sms',
        recipient: '+6281233009999',
        body: 'Uji',
        eventKey: 'uji:gagal',
        messageId: null,
      }),
    );
    for (const wait of [1, 2, 4, 8, 16]) {
      expect(await drain()).toEqual({ sent: 0, failed: 1 });
      expect(await row()).toMatchObject({ status: 'antre', last_error: 'TypeError' });
      clock.advanceMinutes(wait - 0.5);
      expect(await drain()).toEqual({ sent: 0, failed: 0 });
      clock.advanceMinutes(0.5);
    }
    expect(await drain()).toEqual({ sent: 0, failed: 1 });
    expect(await row()).toEqual({ status: 'gagal', attempts: DELIVERY_ATTEMPTS, last_error: 'TypeError' });
    clock.advanceMinutes(60);
    expect(await drain()).toEqual({ sent: 0, failed: 0 });
  });
});

// Two sends of one request that truly overlap on PostgreSQL, for the tests of what a retry at once keeps.
import type { Database } from '../src/server/platform/db.ts';

/**
 * PostgreSQL only: runs `sends` while another connection holds `table` against writes, until `waiting` statements
 * of this test's database wait for a lock (on the table or on another's row), so every send has looked its id up
 * before any has stored it; then lets them go. The app's pool should hold a connection for each send already (a
 * connection opened while the table is held waits behind the lock before it counts as waiting).
 */
export async function sendWhileLocked<T>(
  db: Database,
  table: string,
  waiting: number,
  sends: () => Promise<T>,
): Promise<T> {
  const held = await db.systemPool.connect();
  let sent: Promise<T> | undefined;
  try {
    await held.query('BEGIN');
    await held.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    sent = sends();
    for (let tries = 0; ; tries++) {
      const { rows } = await held.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks
         WHERE NOT granted AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())`,
      );
      if (rows[0].n >= waiting) break;
      if (tries > 200) throw new Error(`the sends never waited for ${table}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await held.query('ROLLBACK');
    held.release();
  }
  return sent;
}

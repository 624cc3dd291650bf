// Who acts in a transaction, told to row-level security: a ticket signed with this process's registered key and
// bound to the connection's backend (migrations/0015_actor_tickets.sql, docs/SECURITY.md).
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ActorContext } from './db.ts';

/**
 * The key this process signs actor tickets with, registered through the owner's connection in
 * `sigap_actor_keys` (which the app role cannot read) the first time it is needed, refreshed hourly, and
 * removed when the database is closed. Row-level security trusts an actor only with a ticket made with a
 * registered key (migrations/0015_actor_tickets.sql, docs/SECURITY.md).
 */
export class ActorKeys {
  private current: Promise<{ id: number; key: Buffer }> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly pool: pg.Pool;

  constructor(systemPool: pg.Pool) {
    this.pool = systemPool;
  }

  key(): Promise<{ id: number; key: Buffer }> {
    this.current ??= this.register().catch((error: unknown) => {
      this.current = undefined;
      throw error;
    });
    return this.current;
  }

  private async register(): Promise<{ id: number; key: Buffer }> {
    const key = randomBytes(32);
    const result = (await this.pool.query(
      `DELETE FROM sigap_actor_keys WHERE seen_at < now() - interval '2 days';
       INSERT INTO sigap_actor_keys (key) VALUES (decode('${key.toString('hex')}', 'hex')) RETURNING id`,
    )) as unknown as pg.QueryResult[];
    const id = (result[1].rows[0] as { id: number }).id;
    this.timer = setInterval(() => {
      this.pool
        .query('UPDATE sigap_actor_keys SET seen_at = now() WHERE id = $1', [id])
        .catch(() => undefined);
    }, 3_600_000);
    this.timer.unref();
    return { id, key };
  }

  /** Removes this process's key: tickets made with it stop working. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    const { id } = await current.catch(() => ({ id: undefined }));
    if (id !== undefined)
      await this.pool.query('DELETE FROM sigap_actor_keys WHERE id = $1', [id]).catch(() => undefined);
  }
}

/** The backend process id behind each pooled connection, asked once per connection. */
const backendPids = new WeakMap<pg.PoolClient, number>();

export async function backendPid(client: pg.PoolClient): Promise<number> {
  let pid = backendPids.get(client);
  if (pid === undefined) {
    pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    backendPids.set(client, pid);
  }
  return pid;
}

/**
 * The signed ticket that tells row-level security who acts in this transaction, bound to the connection's
 * backend and the current time (migrations/0015_actor_tickets.sql verifies it).
 */
export function actorTicket(
  actor: ActorContext,
  key: { id: number; key: Buffer },
  pid: number,
  now = Date.now(),
): string {
  const fields = [
    'v1',
    String(key.id),
    String(pid),
    String(now),
    actor.userId,
    actor.role,
    actor.scope.join(','),
    actor.agencyId ?? '',
  ];
  if (fields.some((field) => field.includes('|'))) throw new Error('an actor field holds "|"');
  const payload = fields.join('|');
  const inner = createHash('sha256').update(payload, 'utf8').digest();
  const mac = createHash('sha256').update(key.key).update(inner).digest('hex');
  return `${payload}|${mac}`;
}

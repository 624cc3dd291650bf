// @fastify/rate-limit's store interface over PostgreSQL: several app instances on one database count one limit
// per route and client, as one instance would (issue 13). Only the few routes with a `rateLimit` config use it
// (sign-in, sign-in codes, the pillar import, backups), so one statement per such request is cheap.
import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from './db.ts';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

const COUNT = `
  INSERT INTO rate_limit_counters AS c (key_hash, hits, window_ends_at)
  VALUES ($1, 1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
  ON CONFLICT (key_hash) DO UPDATE SET
    hits = CASE WHEN c.window_ends_at <= clock_timestamp() THEN 1 ELSE c.hits + 1 END,
    window_ends_at = CASE WHEN c.window_ends_at <= clock_timestamp() THEN EXCLUDED.window_ends_at
                          ELSE c.window_ends_at END
  RETURNING hits, greatest(0, extract(epoch FROM c.window_ends_at - clock_timestamp()) * 1000)::float8 AS ttl`;
const READ = `
  SELECT hits, greatest(0, extract(epoch FROM window_ends_at - clock_timestamp()) * 1000)::float8 AS ttl
    FROM rate_limit_counters WHERE key_hash = $1 AND window_ends_at > clock_timestamp()`;
const FORGET_OLD = `DELETE FROM rate_limit_counters WHERE window_ends_at < clock_timestamp() - interval '1 hour'`;
/** Every this many counts an instance removes windows that ended long ago. */
const SWEEP_EVERY = 500;

/** The store class @fastify/rate-limit instantiates (`store` option); each route gets a child with its prefix. */
export function sharedRateLimitStore(db: Database): FastifyRateLimitStoreCtor {
  let counted = 0;
  const hash = (key: string) => createHash('sha256').update(key).digest('hex');
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    readonly prefix: string;
    /** The plugin passes its global settings here; a child passes the route it counts for. */
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : '';
    }

    incr(key: string, done: Callback, timeWindow: number): void {
      counted += 1;
      if (counted % SWEEP_EVERY === 0) db.systemQuery(FORGET_OLD).catch(() => undefined);
      db.systemQuery<{ hits: number; ttl: number }>(COUNT, [hash(this.prefix + key), timeWindow]).then(
        ([row]) => done(null, { current: row?.hits ?? 1, ttl: Math.round(row?.ttl ?? timeWindow) }),
        (error: Error) => done(error),
      );
    }

    read(key: string, done: Callback): void {
      db.systemQuery<{ hits: number; ttl: number }>(READ, [hash(this.prefix + key)]).then(
        ([row]) => done(null, { current: row?.hits ?? 0, ttl: Math.round(row?.ttl ?? 0) }),
        (error: Error) => done(error),
      );
    }

    /** At run time the plugin passes the route's merged settings with the route itself as `routeInfo`. */
    child(settings: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route =
        (settings as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? settings;
      const method = [route.method ?? ''].flat().join(',');
      return new SharedRateLimitStore(`${this.prefix}${method} ${route.url ?? ''} `);
    }
  };
}

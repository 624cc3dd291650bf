// The LISTEN side of a PostgreSQL server database: one connection for every channel, reconnected with backoff.
import pg from 'pg';
import type { ListenOptions } from './db.ts';

/** The first wait before reconnecting the LISTEN connection, doubled after each failed attempt up to the cap. */
export const LISTEN_RETRY_FIRST_MS = 500;
export const LISTEN_RETRY_MAX_MS = 30_000;

type Subscription = { onMessage: (payload: string) => void; options: ListenOptions };

/**
 * One dedicated connection for LISTEN, shared by every channel of this process. When the server ends it
 * (restart, failover, an administrator), it reconnects after a bounded backoff and LISTENs again on every
 * channel; its listeners are told of the drop and of the reconnect. After `close` it never reconnects.
 */
export class ListenClient {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryInMs = LISTEN_RETRY_FIRST_MS;
  private isLost = false;
  private isClosed = false;
  private readonly channels = new Map<string, Set<Subscription>>();
  private readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  async listen(
    channel: string,
    onMessage: (payload: string) => void,
    options: ListenOptions = {},
  ): Promise<() => Promise<void>> {
    if (this.isClosed) throw new Error('the database is closed');
    const client = await this.connected();
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    const subscription = { onMessage, options };
    set.add(subscription);
    return async () => {
      set.delete(subscription);
    };
  }

  /** The open connection, or the one being opened: one at a time, whoever asks. */
  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** Opens a connection that LISTENs on every channel already subscribed (none the first time). */
  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    let lastError: Error | undefined;
    client.on('notification', (message) => {
      for (const subscription of this.channels.get(message.channel) ?? []) {
        subscription.onMessage(message.payload ?? '');
      }
    });
    client.on('error', (error) => {
      lastError = error;
    });
    client.on('end', () => {
      if (this.client === client) this.lost(lastError ?? new Error('the LISTEN connection ended'));
    });
    try {
      await client.connect();
      const listens = [...this.channels.keys()].map((channel) => `LISTEN ${pg.escapeIdentifier(channel)}`);
      if (listens.length > 0) await client.query(listens.join(';\n'));
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.isClosed) {
      // closed while connecting: this connection must not outlive the database
      await client.end().catch(() => undefined);
      throw new Error('the database is closed');
    }
    this.client = client;
    if (this.isLost) this.reconnected();
    return client;
  }

  /** The connection dropped: tell the listeners, then try again after the current backoff. */
  private lost(error: Error): void {
    this.client = null;
    this.isLost = true;
    if (this.isClosed) return;
    this.notify((options) => options.onLost?.(error, this.retryInMs));
    this.retryTimer = setTimeout(() => void this.retry(), this.retryInMs);
  }

  /** One attempt to reconnect; a failure waits twice as long (up to the cap) before the next. */
  private async retry(): Promise<void> {
    this.retryTimer = null;
    if (this.isClosed || this.client) return;
    try {
      await this.connected();
    } catch (error) {
      if (this.isClosed || this.client) return;
      this.retryInMs = Math.min(this.retryInMs * 2, LISTEN_RETRY_MAX_MS);
      this.notify((options) => options.onLost?.(error as Error, this.retryInMs));
      this.retryTimer = setTimeout(() => void this.retry(), this.retryInMs);
    }
  }

  /** Listening again after a drop (by a retry or by a new listener's connecting): say so, start the backoff over. */
  private reconnected(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.isLost = false;
    this.retryInMs = LISTEN_RETRY_FIRST_MS;
    this.notify((options) => options.onReconnect?.());
  }

  /** Tells every listener; one that throws must not stop the others or the reconnecting. */
  private notify(tell: (options: ListenOptions) => void): void {
    for (const set of this.channels.values()) {
      for (const subscription of set) {
        try {
          tell(subscription.options);
        } catch {
          // a listener's own failure is its own to report
        }
      }
    }
  }

  async close(): Promise<void> {
    this.isClosed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

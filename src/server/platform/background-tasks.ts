import { DomainError } from './errors.ts';

/** Work this process does in the background, by id, after the request that asked for it has answered. */
export type BackgroundTasks = {
  /**
   * Runs `work` once the current request has answered. A failure is handed to `fail` with what its user may
   * read: a DomainError's own message, else `fallback`; a failure of `fail` itself is dropped.
   */
  start(
    id: string,
    work: () => Promise<void>,
    fail: (message: string) => Promise<unknown>,
    fallback: string,
  ): void;
  /** Whether the task is still running in this process (a stored job without one belonged to a stopped process). */
  has(id: string): boolean;
  /** Resolves when every task of this process has finished (tests, shutdown). */
  settle(): Promise<void>;
};

export function createBackgroundTasks(): BackgroundTasks {
  const running = new Map<string, Promise<void>>();
  return {
    start(id, work, fail, fallback) {
      const task = (async () => {
        await new Promise((resolve) => setImmediate(resolve));
        try {
          await work();
        } catch (error) {
          await fail(error instanceof DomainError ? error.message : fallback).catch(() => undefined);
        }
      })().finally(() => running.delete(id));
      running.set(id, task);
    },
    has: (id) => running.has(id),
    async settle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}

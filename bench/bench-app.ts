/**
 * The app of a bench that runs in process over a database it opened itself: no jobs, no log, and one fixed
 * data key, so that the pillar registry may hold NIKs; files the app keeps go under the bench's `dataDir`.
 */
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import type { Database } from '../src/server/platform/db.ts';

const DATA_KEY = Buffer.alloc(32, 9).toString('base64');

/** Builds the app over `db`, as the benches of the ODK intake and the pillar import measure it. */
export function buildBenchApp(db: Database, dataDir: string): ReturnType<typeof buildApp> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SIGAP_JOBS: 'false',
    SIGAP_DATA_KEY: DATA_KEY,
    DATA_DIR: dataDir,
  });
  return buildApp({ config, db, logger: false });
}

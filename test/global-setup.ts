import { buildTemplate, pgliteTemplateFolder, TEST_DATABASE_URL } from './db-template.ts';

/**
 * Runs once before all test files: builds the migrated database template they copy and, on PGlite, the data
 * folder unpacked from it that the CLI's tests copy.
 */
export default async function setup(): Promise<void> {
  if (TEST_DATABASE_URL) await buildTemplate();
  else await pgliteTemplateFolder();
}

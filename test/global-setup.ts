import { buildTemplate } from './db-template.ts';

/** Runs once before all test files: builds the migrated database template they copy. */
export default async function setup(): Promise<void> {
  await buildTemplate();
}

// What a browser test's server starts from: the built web app and a copy of the tests' migrated template database.
// Kept apart from the harness so a global set-up can use it without the harness's per-test hooks.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildTemplate,
  createScratchDatabase as copyTemplateDatabase,
  pgliteTemplateFolder,
  type ScratchDatabase,
} from '../db-template.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function requireNode24(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    throw new Error(
      `Browser tests start the server with this Node (${process.version}), which cannot run .ts files. ` +
        "Run them through npm (npm run test:browser) so the project's Node 24 is used.",
    );
  }
}

/** Builds dist/web when it is older than its sources (scripts/build-web.ts decides). */
export function buildWeb(): void {
  requireNode24();
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web.ts')], { cwd: ROOT, stdio: 'inherit' });
}

/** The tests' template unpacked once into a PGlite data folder, which each server's DATA_DIR gets a copy of. */
export const pgliteServerTemplate = pgliteTemplateFolder;

/** Makes the template servers start from (`fromTemplate`), once per schema version: for a global set-up. */
export async function prepareServerTemplate(): Promise<void> {
  if (process.env.DATABASE_URL) await buildTemplate();
  else await pgliteServerTemplate();
}

/** A PostgreSQL copy of the tests' template, built first if missing. */
export async function copyTemplateForServer(): Promise<ScratchDatabase> {
  await buildTemplate();
  return copyTemplateDatabase();
}

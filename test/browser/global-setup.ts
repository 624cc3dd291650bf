import { buildWeb, prepareServerTemplate } from './server-template.ts';

/**
 * Runs once before the browser test files: builds the web app when its sources changed and the migrated template
 * every file's server starts from, so no file pays for them (a file run alone still gets both from here).
 */
export default async function setup(): Promise<void> {
  buildWeb();
  await prepareServerTemplate();
}

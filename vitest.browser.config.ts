import { defineConfig } from 'vitest/config';

/** Browser tests: the real server and Chromium, one file at a time. `npm run test:browser`. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

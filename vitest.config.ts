import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // A worker keeps its imported modules from one test file to the next (decision 0054): each file builds and
    // closes its own app and database, and no test mocks or stubs a module or the environment.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

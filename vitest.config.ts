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
    // Node 24's V8 can free a WebAssembly import wrapper twice when its code GC races a call that tiers the
    // wrapper up, and aborts the worker (nodejs/node#66366, fixed upstream, not in 24.x): the many PGlite
    // instances one worker opens and closes are what make it likely. Without code GC that path never runs
    // (decision 0057). The app and the browser tests' servers keep V8's defaults.
    execArgv: ['--no-wasm-code-gc'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

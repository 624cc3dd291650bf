// The dependency rule of docs/ARCHITECTURE.md, checked by `npm run lint` (decision 0022).
// Tests (`*.test.ts`) may reach anything they need to set up a case, so the layer rules skip them.
const TEST = '\\.test\\.tsx?$';
const MODULE = '^src/server/modules/([^/]+)/';

/**
 * The few files that read another module's store, each with its reason. Keep this list short: a new entry needs
 * a reason a reviewer accepts, and the rule still refuses any other store from these files.
 */
const STORE_EXCEPTIONS = {
  // Identity is one context split in two folders: users holds the users, sessions and API tokens tables, auth
  // signs in with them. Sign-in, TOTP, codes and token checks read and write those rows in the same transaction
  // as their own tables (auth_failures, sign_in_codes, remembered devices).
  '^src/server/modules/auth/(auth|access|totp|sign-in-code)-service\\.ts$': { stores: ['users/users-store'] },
  '^src/server/modules/users/users-service\\.ts$': { stores: ['auth/auth-store'] },
  // A device token belongs to a user: the ODK module checks the user (active, role) by username/id.
  '^src/server/modules/odk/odk-devices-service\\.ts$': { stores: ['users/users-store'] },
  // Accounts made in bulk from the pillar registry are inserted in the import's own chunked transactions
  // (thousands of rows; a service call per row would open a transaction per row).
  '^src/server/modules/pillars/pillars-accounts\\.ts$': {
    stores: ['users/users-store', 'auth/sign-in-code-store'],
  },
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles: a cycle means two files are one thing, or one of them is in the wrong layer.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import', 'type-only'] } },
    },
    {
      name: 'platform-not-modules',
      severity: 'error',
      comment: 'src/server/platform is below every module: it never imports one.',
      from: { path: '^src/server/platform/', pathNot: TEST },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment:
        'src/shared runs in the browser too: no database, no HTTP, no node:*, nothing of the server or web.',
      from: { path: '^src/shared/', pathNot: TEST },
      to: {
        pathNot: '^src/shared/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      comment: 'src/shared runs in the browser too: no node:* modules, not even for types.',
      from: { path: '^src/shared/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'rules-are-pure',
      severity: 'error',
      comment:
        '*-rules.ts decide without side effects: no database, no HTTP, no node:*, no store or service.',
      from: { path: '-rules\\.ts$', pathNot: TEST },
      to: {
        path: [
          '^src/server/platform/(db|http|jobs|events|outbound|audit)\\.ts$',
          '-(store|service|routes)\\.ts$',
          '^node_modules/(pg|pg-boss|fastify|@fastify|@electric-sql)/',
        ],
      },
    },
    {
      name: 'rules-no-node',
      severity: 'error',
      comment: '*-rules.ts decide without side effects: no node:* modules.',
      from: { path: '-rules\\.ts$', pathNot: TEST },
      to: { dependencyTypes: ['core'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-imports-shared-only',
      severity: 'error',
      comment: 'The browser app imports src/shared, its own files and packages: never the server or the CLI.',
      from: { path: '^src/web/' },
      to: { path: '^(src/(server|cli)|test|bench|scripts)/' },
    },
    {
      name: 'product-not-demo',
      severity: 'error',
      comment:
        'The demo generator and bench mode (src/server/demo, src/server/bench) fill tables in bulk for trials and ' +
        'measurements; the product never depends on them (only app.ts registers bench mode, only the CLI loads the demo).',
      from: { path: '^src/(server/(modules|platform)|shared|web)/', pathNot: TEST },
      to: { path: '^src/server/(demo|bench)/' },
    },
    {
      name: 'store-is-bottom',
      severity: 'error',
      comment: 'routes → service → rules | store: a store never calls a service or a route.',
      from: { path: '-store\\.ts$', pathNot: TEST },
      to: { path: '-(service|routes)\\.ts$' },
    },
    {
      name: 'service-not-routes',
      severity: 'error',
      comment: 'routes → service: a service never imports a route file.',
      from: { path: '^src/server/modules/.+\\.ts$', pathNot: [TEST, '-routes\\.ts$', '/index\\.ts$'] },
      to: { path: '-routes\\.ts$' },
    },
    {
      name: 'routes-through-service',
      severity: 'error',
      comment:
        'routes → service: a route file holds HTTP only and reaches data through a service, never a store. ' +
        'Bench mode (src/server/bench, never registered in production) seeds rows straight through stores.',
      from: { path: '-routes\\.ts$', pathNot: '^src/server/bench/' },
      to: { path: '-store\\.ts$' },
    },
    {
      name: 'own-store-only',
      severity: 'error',
      comment: "A module reaches another module's data through that module's service, never its store.",
      from: { path: MODULE, pathNot: [TEST, ...Object.keys(STORE_EXCEPTIONS)] },
      to: { path: '^src/server/modules/[^/]+/[^/]+-store\\.ts$', pathNot: '^src/server/modules/$1/' },
    },
    ...Object.entries(STORE_EXCEPTIONS).map(([file, { stores }]) => ({
      name: 'own-store-only',
      severity: 'error',
      comment:
        "A module reaches another module's data through that module's service (documented exceptions above).",
      from: { path: file },
      to: {
        path: '^src/server/modules/[^/]+/[^/]+-store\\.ts$',
        pathNot: [
          `^src/server/modules/${file.split('/')[3]}/`,
          ...stores.map((store) => `^src/server/modules/${store}\\.ts$`),
        ],
      },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};

/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

// The AWS SDK warns once per process that its releases after January 2027 need Node 22. Our versions are pinned and
// run on Node 20 (the machines this is built on); the warning is true but repeated by every jest worker, so it is
// silenced for the tests only. The deployed functions run on Node 22 and never print it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Type checking is `npm run typecheck`'s job; jest only strips types so the suite stays fast.
const shared = {
  transform: { '^.+\\.[tj]s$': swc },
  // jose 6 and auto-bind 5 (under GraphQL Code Generator's client preset, which the schema-descriptions check loads
  // through codegen.ts) ship ES modules only; swc turns them into CommonJS for the tests.
  transformIgnorePatterns: ['/node_modules/(?!(jose|auto-bind)/)'],
  testTimeout: 30_000,
};

// Two projects so that tests which need no DynamoDB never start Java: `unit` runs in plain Node; `dynamodb` gives each
// jest worker its own DynamoDB Local, started by the first such file the worker runs (test/support/dynamodb-environment.ts).
module.exports = {
  testTimeout: 30_000,
  // One worker per core, and two on a 2-core machine, where jest would otherwise pick one and run in band: a worker and
  // its DynamoDB Local take turns (the test waits while Java answers, and the other way round), so together they keep
  // about one core busy and in band leaves the other mostly idle (in band 357 s, two workers 252 s, the same 1,849
  // tests on the 2-core machine). At most four, each with an emulator of up to 1 GB.
  maxWorkers: Math.min(Math.max(require('node:os').availableParallelism(), 2), 4),
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/infra/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'dynamodb',
      testEnvironment: '<rootDir>/test/support/dynamodb-environment.ts',
      // Everything else: integration, security, the disclosure attack, the portal's browser tests, and any folder
      // added later (a new folder runs against DynamoDB unless it is added to `unit`).
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/', '<rootDir>/test/infra/'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};

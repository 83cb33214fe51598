/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

// Type checking is `npm run typecheck`'s job; jest only strips types so the suite stays fast.
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': swc },
  // jose 6 ships ES modules only; swc turns it into CommonJS for the tests.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30_000,
};

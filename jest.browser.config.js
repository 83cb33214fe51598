/**
 * Only the portal's browser tests (test/browser/), for `npm run test:browser`. `npm test` runs them too, with the rest:
 * they need Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH) and bundle the portal on first run. They run in
 * the `dynamodb` project's environment (each jest worker's own DynamoDB Local).
 * @type {import('jest').Config}
 */
const { projects } = require('./jest.config.js');

const dynamodb = projects.find((project) => project.displayName === 'dynamodb');

module.exports = {
  ...dynamodb,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120_000,
};

/**
 * Only the portal's browser tests (test/browser/), for `npm run test:browser`. `npm test` runs them too, with the rest:
 * they need Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH) and bundle the portal on first run.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testTimeout: 120_000,
};

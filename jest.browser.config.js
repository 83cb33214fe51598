/**
 * The portal's browser tests (test/browser/), run by `npm run test:browser` and by .ci/run after `npm test`: they need
 * Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH) and bundle the portal on first run, so they stay out of the
 * default `npm test`.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120_000,
};

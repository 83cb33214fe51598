/*
 * Stands in for `@apollo/utils.createhash` inside Lambda bundles. That package hashes with Node's crypto only when
 * `module.require` exists, and inside an esbuild bundle it does not (each CommonJS module is wrapped in a function
 * with a plain `module` object), so a bundled Apollo Server falls back to sha.js, SHA-256 in plain JavaScript, for
 * every operation's hash: slower on each request, and loading and first running it is about 11 ms of a cold start
 * (docs/performance.md, "Cold start"). The same function over Node's own crypto, which every Lambda runtime has.
 */
const { createHash } = require('node:crypto');

exports.createHash = (kind) => createHash(kind);

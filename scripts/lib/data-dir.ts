import { join, resolve } from 'node:path';

/**
 * Where `npm start` keeps what it makes: DynamoDB Local's data, the local token and cursor keys, the portal's bundle
 * cache and the running instance's whereabouts. The git-ignored `.data/` of the checkout, or LINKWORK_DATA_DIR, so a
 * run can start as a fresh clone does without touching a developer's demo (the `start` benchmark).
 */
export const DATA_DIR = process.env.LINKWORK_DATA_DIR
  ? resolve(process.env.LINKWORK_DATA_DIR)
  : join(resolve(__dirname, '..', '..'), '.data');

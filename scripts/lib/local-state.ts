import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Written by `npm start` while it runs: where its emulator, table and API are. */
export const LOCAL_STATE_FILE = join(resolve(__dirname, '..', '..'), '.data', 'local.json');

export interface LocalState {
  dynamodbEndpoint: string;
  tableName: string;
  apiUrl: string;
}

export function readLocalState(): LocalState | undefined {
  if (!existsSync(LOCAL_STATE_FILE)) return undefined;
  return JSON.parse(readFileSync(LOCAL_STATE_FILE, 'utf8')) as LocalState;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './data-dir';

/** Written by `npm start` while it runs: where its emulator, table and API are. */
export const LOCAL_STATE_FILE = join(DATA_DIR, 'local.json');

export interface LocalState {
  dynamodbEndpoint: string;
  tableName: string;
  apiUrl: string;
}

export function readLocalState(): LocalState | undefined {
  if (!existsSync(LOCAL_STATE_FILE)) return undefined;
  return JSON.parse(readFileSync(LOCAL_STATE_FILE, 'utf8')) as LocalState;
}

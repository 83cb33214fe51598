import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CursorKeySource, cursorKeyFromSecret } from '../../functions/platform/cursor-codec';
import { DATA_DIR } from './data-dir';

/*
 * The paging cursor key under `npm start`: a random secret made on first use and kept in the git-ignored
 * `.data/cursor-key.json`, so cursors a local frontend holds survive a restart. In AWS the stage's Secrets Manager
 * secret plays this part (functions/platform/cursor-key-secret.ts).
 */

export const DEFAULT_CURSOR_KEY_FILE = join(DATA_DIR, 'cursor-key.json');

function readSecret(path: string): string {
  const { secret } = JSON.parse(readFileSync(path, 'utf8')) as { secret?: unknown };
  if (typeof secret !== 'string') throw new Error(`${path} is not a cursor key file; delete it to have a new one made`);
  return secret;
}

/** The local cursor key, made on first use; safe when two processes start at once (the file is created exclusively). */
export function localCursorKey(path: string = DEFAULT_CURSOR_KEY_FILE): CursorKeySource {
  let secret: string;
  try {
    secret = readSecret(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    const file = { secret: randomBytes(32).toString('base64url'), createdAt: new Date().toISOString() };
    try {
      writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
    }
    secret = readSecret(path);
  }
  const key = cursorKeyFromSecret(secret);
  return async () => key;
}

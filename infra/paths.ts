import { join, resolve } from 'node:path';

/** The repository root: bundling runs from here and resolves `functions/…` entries against it. */
export const PROJECT_ROOT = resolve(__dirname, '..');

/** An entry path relative to the repository root, made absolute. */
export function fromRoot(relativePath: string): string {
  return join(PROJECT_ROOT, relativePath);
}

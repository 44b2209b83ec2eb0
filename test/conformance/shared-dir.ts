// Where the OASIS conformance files live: ../shared beside the repository checkout, or SHARED_DIR.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SHARED_DIR = resolve(process.env.SHARED_DIR ?? resolve(REPO_ROOT, '../shared'));
export const CONFORMANCE_DIR = join(SHARED_DIR, 'conformance');

/** Absolute path of a file under shared/conformance; throws with a hint when it is missing. */
export function conformanceFile(...parts: string[]): string {
  const file = join(CONFORMANCE_DIR, ...parts);
  if (!existsSync(file)) throw new Error(`missing ${file}: set SHARED_DIR to the folder holding conformance/`);
  return file;
}

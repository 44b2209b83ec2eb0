// Opens the database (migrated) with a legacy settings store for the `legacy …` and `migration`
// commands. The master key is loaded only for commands that seal (credential set): the others
// get a box that refuses, so listing routes never creates or needs a key file.
import type { Config } from '../config';
import type { Database } from '../../data/db';
import { createLegacyStore, type LegacyControlStore } from '../../legacy/legacy-store';
import { loadMasterKey } from '../../security/master-key';
import { secretBox, type SecretBox } from '../../security/secret-box';
import { withDatabase } from './with-database';

const NO_BOX: SecretBox = {
  seal: () => Promise.reject(new Error('the master key is not loaded for this command')),
  open: () => Promise.reject(new Error('the master key is not loaded for this command')),
};

export async function withLegacyStore<T>(config: Config, fn: (store: LegacyControlStore, db: Database) => Promise<T>, opts: { seals?: boolean } = {}): Promise<T> {
  const box = opts.seals === true ? secretBox(await loadMasterKey(config)) : NO_BOX;
  return withDatabase(config, (db) => fn(createLegacyStore({ db, box, defaultMode: config.legacyDefaultMode, ttlMs: 0 }), db));
}

// Opens the configured database for one command, brings the schema up to date (as `serve`
// does, so `tenant create` etc. work on a new database), and always closes it afterwards.
import type { Config } from '../config';
import { openDatabase, type Database } from '../../data/db';
import { migrateLatest } from '../../data/migrations';

export async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const db = openDatabase(config.databaseUrl);
  try {
    if (opts.migrate !== false) await migrateLatest(db.knex);
    return await fn(db);
  } finally {
    await db.close();
  }
}

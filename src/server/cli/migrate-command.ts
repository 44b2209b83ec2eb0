// `b2x-gateway migrate`: apply pending schema migrations.
import { migrateLatest } from '../../data/migrations';
import type { Command } from './command';
import { withDatabase } from './with-database';

export const migrateCommand: Command = {
  words: ['migrate'],
  synopsis: '',
  summary: 'apply schema migrations',
  flags: {},
  positionals: { min: 0, max: 0 },
  async run({ config, out }) {
    out.progress('applying migrations…');
    const applied = await withDatabase(config, (db) => migrateLatest(db.knex), { migrate: false });
    out.progressDone();
    const text = applied.length === 0 ? 'Schema is up to date.' : `Applied ${applied.length} migration(s): ${applied.join(', ')}`;
    out.result({ applied }, text);
  },
};

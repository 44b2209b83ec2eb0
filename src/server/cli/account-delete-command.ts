// `b2x-gateway account delete ID`: revoke and remove a service account (the CLI twin of
// DELETE /api/admin/service-accounts/{id}).
import { deleteServiceAccount } from '../../security/accounts/delete-service-account';
import type { Command } from './command';
import { withDatabase } from './with-database';

export const accountDeleteCommand: Command = {
  words: ['account', 'delete'],
  synopsis: 'ID',
  summary: 'revoke and remove a service account',
  flags: {},
  positionals: { min: 1, max: 1, names: 'ID' },
  async run({ args, config, out }) {
    const id = args.positionals[0] ?? '';
    await withDatabase(config, (db) => deleteServiceAccount(db, id));
    out.result({ id, deleted: true }, `Deleted ${id}.`);
  },
};

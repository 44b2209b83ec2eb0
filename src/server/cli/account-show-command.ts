// `b2x-gateway account show ID`: one service account with grants, limit, state and last use —
// never a key or hash (the CLI twin of GET /api/admin/service-accounts/{id}).
import { getServiceAccount } from '../../security/accounts/get-service-account';
import type { Command } from './command';
import { withDatabase } from './with-database';

export const accountShowCommand: Command = {
  words: ['account', 'show'],
  synopsis: 'ID',
  summary: 'show one service account (never prints secrets)',
  flags: {},
  positionals: { min: 1, max: 1, names: 'ID' },
  async run({ args, config, out }) {
    const account = await withDatabase(config, (db) => getServiceAccount(db, args.positionals[0] ?? ''));
    out.result(account, JSON.stringify(account, null, 2));
  },
};

// `b2x-gateway account revoke ID`: every key of the account (and every token issued with one)
// stops working at once — on running instances within their 2 s credential cache.
import { revokeServiceAccount } from '../../security/accounts/revoke-service-account';
import type { Command } from './command';
import { withDatabase } from './with-database';

export const accountRevokeCommand: Command = {
  words: ['account', 'revoke'],
  synopsis: 'ID',
  summary: 'revoke every key of a service account at once',
  flags: {},
  positionals: { min: 1, max: 1, names: 'ID' },
  async run({ args, config, out }) {
    const id = args.positionals[0] ?? '';
    const r = await withDatabase(config, (db) => revokeServiceAccount(db, id));
    out.result(r, `Revoked ${r.keysRevoked} key(s) of ${r.id} at ${r.revokedAt}.`);
  },
};

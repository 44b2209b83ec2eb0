// `b2x-gateway admin create-key [--name N]`: a platform admin key for /api/admin and /metrics,
// printed once (`{"id":…,"apiKey":…}` with --json, contract.md) and never again.
import { createAdminKey } from '../../security/accounts/create-admin-key';
import type { Command } from './command';
import { stringFlag } from './parse-args';
import { withSecrets } from './with-secrets';

export const adminCreateKeyCommand: Command = {
  words: ['admin', 'create-key'],
  synopsis: '[--name N]',
  summary: 'create a platform admin key and print it once',
  flags: { name: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const key = await withSecrets(config, (db, secrets) => createAdminKey(db, secrets.keyHashKey, stringFlag(args, 'name')));
    out.result(
      { id: key.id, apiKey: key.apiKey },
      [`Admin key ${key.id} ('${key.name}') created. Key (shown only now; store it safely):`, '', `  ${key.apiKey}`].join('\n'),
    );
  },
};

// `b2x-gateway account rotate ID [--grace SECONDS]`: a new key, printed once; the previous key
// keeps working for the grace period (default 86400 s, 0 = it stops at once).
import { DEFAULT_GRACE_SECONDS, rotateAccountKey } from '../../security/accounts/rotate-account-key';
import type { Command } from './command';
import { intFlag } from './parse-args';
import { withSecrets } from './with-secrets';

export const accountRotateCommand: Command = {
  words: ['account', 'rotate'],
  synopsis: `ID [--grace SECONDS (${DEFAULT_GRACE_SECONDS})]`,
  summary: 'issue a new API key (printed once); the old key keeps working for the grace period',
  flags: { grace: 'string' },
  positionals: { min: 1, max: 1, names: 'ID' },
  async run({ args, config, out }) {
    const id = args.positionals[0] ?? '';
    const graceSeconds = intFlag(args, 'grace', DEFAULT_GRACE_SECONDS);
    const r = await withSecrets(config, (db, secrets) => rotateAccountKey(db, secrets.keyHashKey, id, { graceSeconds }));
    const old = r.previousKeyExpiresAt === null ? 'The account had no live key.' : `The previous key works until ${r.previousKeyExpiresAt}.`;
    out.result(r, [`New API key for ${r.id} (shown only now; store it safely):`, '', `  ${r.apiKey}`, '', old].join('\n'));
  },
};

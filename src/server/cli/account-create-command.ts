// `b2x-gateway account create --tenant T …`: a new ERP service account; its API key is printed
// once (`{"id":…,"apiKey":…}` with --json, contract.md) and never again.
import { createServiceAccount } from '../../security/accounts/create-service-account';
import type { Command } from './command';
import { intFlag, requiredFlag, stringFlag } from './parse-args';
import { withSecrets } from './with-secrets';

const splitOps = (s: string | undefined): string[] | undefined =>
  s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter((x) => x !== '');

export const accountCreateCommand: Command = {
  words: ['account', 'create'],
  synopsis: '--tenant T [--name N] [--ops a,b] [--rate PER_MIN]',
  summary: 'create an ERP service account and print its API key once (default: all operations, 600/min)',
  flags: { tenant: 'string', name: 'string', ops: 'string', rate: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const input = {
      tenant: requiredFlag(args, 'tenant'),
      name: stringFlag(args, 'name'),
      operations: splitOps(stringFlag(args, 'ops')),
      ratePerMinute: intFlag(args, 'rate'),
    };
    const account = await withSecrets(config, (db, secrets) => createServiceAccount(db, secrets.keyHashKey, input));
    out.result(
      { id: account.id, apiKey: account.apiKey },
      [
        `Service account ${account.id} created for tenant '${account.tenant}' (${account.rateLimitPerMinute}/min).`,
        `Operations: ${account.operations.join(', ')}`,
        '',
        'API key (shown only now; store it safely):',
        '',
        `  ${account.apiKey}`,
      ].join('\n'),
    );
  },
};

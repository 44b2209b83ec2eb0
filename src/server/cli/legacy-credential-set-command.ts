// `b2x-gateway legacy credential set --tenant T --header NAME (--value-file FILE | --value-stdin)`:
// the header the gateway sends to the legacy service for this tenant, sealed under the master key.
// The value is read from a file or stdin and never printed.
import type { Command } from './command';
import { requiredFlag, stringFlag } from './parse-args';
import { readSecretValue } from './read-secret-value';
import { withLegacyStore } from './with-legacy-store';

export const legacyCredentialSetCommand: Command = {
  words: ['legacy', 'credential', 'set'],
  synopsis: '--tenant T --header NAME (--value-file FILE | --value-stdin)',
  summary: 'store (sealed) the header the gateway authenticates to the legacy service with; the value is never printed',
  flags: { tenant: 'string', header: 'string', 'value-file': 'string', 'value-stdin': 'boolean' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const tenant = requiredFlag(args, 'tenant');
    const header = requiredFlag(args, 'header');
    const file = stringFlag(args, 'value-file');
    const value = await readSecretValue({ ...(file !== undefined ? { file } : {}), stdin: args.flags.has('value-stdin') });
    await withLegacyStore(config, (store) => store.setUpstreamCredential(tenant, { header, value }), { seals: true });
    out.result({ tenant, header, stored: true }, `Upstream credential for ${tenant} stored sealed (header ${header}). Running instances use it within 1 s.`);
  },
};

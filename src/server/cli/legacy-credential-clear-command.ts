// `b2x-gateway legacy credential clear --tenant T`: forget the tenant's upstream credential.
import type { Command } from './command';
import { requiredFlag } from './parse-args';
import { withLegacyStore } from './with-legacy-store';

export const legacyCredentialClearCommand: Command = {
  words: ['legacy', 'credential', 'clear'],
  synopsis: '--tenant T',
  summary: "forget a tenant's upstream credential",
  flags: { tenant: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const tenant = requiredFlag(args, 'tenant');
    await withLegacyStore(config, (store) => store.setUpstreamCredential(tenant, undefined));
    out.result({ tenant, cleared: true }, `Upstream credential for ${tenant} cleared.`);
  },
};

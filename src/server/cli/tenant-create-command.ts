// `b2x-gateway tenant create ID [--name NAME]`.
import { createTenant } from '../../security/accounts/create-tenant';
import type { Command } from './command';
import { stringFlag } from './parse-args';
import { withDatabase } from './with-database';

export const tenantCreateCommand: Command = {
  words: ['tenant', 'create'],
  synopsis: 'ID [--name NAME]',
  summary: 'create a tenant (ID: [a-z0-9][a-z0-9-]{0,31})',
  flags: { name: 'string' },
  positionals: { min: 1, max: 1, names: 'ID' },
  async run({ args, config, out }) {
    const id = args.positionals[0] ?? '';
    const tenant = await withDatabase(config, (db) => createTenant(db, id, stringFlag(args, 'name')));
    out.result(tenant, `Tenant '${tenant.id}' (${tenant.name}) created.`);
  },
};

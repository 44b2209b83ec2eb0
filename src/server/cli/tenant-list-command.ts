// `b2x-gateway tenant list`: every tenant (the CLI twin of GET /api/admin/tenants).
import { listTenants } from '../../security/accounts/list-tenants';
import type { Command } from './command';
import { withDatabase } from './with-database';

export const tenantListCommand: Command = {
  words: ['tenant', 'list'],
  synopsis: '',
  summary: 'list tenants',
  flags: {},
  positionals: { min: 0, max: 0 },
  async run({ config, out }) {
    const tenants = await withDatabase(config, (db) => listTenants(db));
    const text = tenants.length === 0 ? 'No tenants.' : tenants.map((t) => `${t.id}  ${t.name}`).join('\n');
    out.result({ tenants }, text);
  },
};

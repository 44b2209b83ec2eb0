// `b2x-gateway account list [--tenant T]`: accounts with grants and state; never a key or hash.
import { listAccounts } from '../../security/accounts/list-service-accounts';
import type { ServiceAccountSummary } from '../../security/accounts/tenant';
import type { Command } from './command';
import { stringFlag } from './parse-args';
import { withDatabase } from './with-database';

function table(accounts: readonly ServiceAccountSummary[]): string {
  if (accounts.length === 0) return 'No service accounts.';
  const rows = accounts.map((a) => [a.id, a.tenant, a.active ? 'active' : 'inactive', `${a.rateLimitPerMinute}/min`, `${a.operations.length} ops`, a.name]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

export const accountListCommand: Command = {
  words: ['account', 'list'],
  synopsis: '[--tenant T]',
  summary: 'list ERP service accounts (never prints secrets)',
  flags: { tenant: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const tenant = stringFlag(args, 'tenant');
    const accounts = await withDatabase(config, (db) => listAccounts(db, tenant === undefined ? {} : { tenant }));
    out.result({ accounts }, table(accounts));
  },
};

// `b2x-gateway audit list [--tenant T] [--from ISO] [--to ISO] [--limit N]`: audit rows, newest
// first (the CLI twin of GET /api/admin/audit).
import { auditLister, type AuditQuery } from '../../queries/list-audit';
import type { Command } from './command';
import { dateFlag, intFlag, stringFlag, type ParsedArgs } from './parse-args';
import { withDatabase } from './with-database';

function queryOf(args: ParsedArgs): AuditQuery {
  const tenant = stringFlag(args, 'tenant');
  const from = dateFlag(args, 'from');
  const to = dateFlag(args, 'to');
  const limit = intFlag(args, 'limit');
  return { ...(tenant ? { tenant } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(limit !== undefined ? { limit } : {}) };
}

export const auditListCommand: Command = {
  words: ['audit', 'list'],
  synopsis: '[--tenant T] [--from ISO] [--to ISO] [--limit N]',
  summary: 'audit rows, newest first',
  flags: { tenant: 'string', from: 'string', to: 'string', limit: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const rows = await withDatabase(config, (db) => auditLister(db)(queryOf(args)));
    const text = rows.length === 0 ? 'No audit rows.' : rows.map((r) => `${r.at}  ${r.status}  ${r.operation}  ${r.target ?? ''}  ${r.accountId}`).join('\n');
    out.result({ value: rows }, text);
  },
};

// `b2x-gateway audit list [--tenant T] [--from ISO] [--to ISO] [--limit N]`: audit rows, newest
// first (the CLI twin of GET /api/admin/audit).
import { auditLister, type AuditQuery } from '../../queries/list-audit';
import type { Command } from './command';
import { intFlag, stringFlag, type ParsedArgs } from './parse-args';
import { UsageError } from './usage-error';
import { withDatabase } from './with-database';

function dateFlag(args: ParsedArgs, name: string): Date | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--${name} must be an ISO 8601 date or time`);
  return d;
}

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

// `b2x-gateway migration report [--tenant T] [--from ISO] [--to ISO] [--granularity hour|day]`:
// the CLI twin of GET /api/admin/migration — readable text, or the report as one JSON object.
import { migrationReporter } from '../../legacy/report/migration-report';
import { reportText } from '../../legacy/report/report-text';
import type { ReportQuery } from '../../legacy/report/report-window';
import type { Command } from './command';
import { enumFlag } from './enum-flag';
import { dateFlag, stringFlag, type ParsedArgs } from './parse-args';
import { withLegacyStore } from './with-legacy-store';

function queryOf(args: ParsedArgs): ReportQuery {
  const tenant = stringFlag(args, 'tenant');
  const from = dateFlag(args, 'from');
  const to = dateFlag(args, 'to');
  const granularity = enumFlag(args, 'granularity', ['hour', 'day'] as const);
  return { ...(tenant ? { tenant } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(granularity ? { granularity } : {}) };
}

export const migrationReportCommand: Command = {
  words: ['migration', 'report'],
  synopsis: '[--tenant T] [--from ISO] [--to ISO] [--granularity hour|day]',
  summary: 'per tenant and entity set: route, requests by surface, shadow differences, and what still blocks switching the legacy surface off',
  flags: { tenant: 'string', from: 'string', to: 'string', granularity: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const query = queryOf(args);
    const report = await withLegacyStore(config, (store, db) => migrationReporter(db, store)(query));
    out.result(report, reportText(report));
  },
};

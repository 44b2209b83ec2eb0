// `b2x-gateway audit verify [--tenant T]`: walks each audit hash chain and reports the first broken
// link per chain; exit code 1 when any chain is broken (for cron jobs and monitoring).
import { verifyChains, type ChainReport } from '../../audit/verify-chains';
import type { Command } from './command';
import { stringFlag } from './parse-args';
import { withDatabase } from './with-database';

function line(c: ChainReport): string {
  if (c.ok) return `${c.tenant}: ${c.rows} rows, intact`;
  const b = c.broken;
  const where = b?.id !== null && b?.id !== undefined ? `row id ${b.id} (seq ${b.seq})` : `seq ${b?.seq ?? '?'}`;
  return `${c.tenant}: BROKEN at ${where}: ${b?.reason ?? 'unknown'} (${c.rows} rows intact before it)`;
}

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  synopsis: '[--tenant T]',
  summary: 'verify the audit hash chains; names the first broken link, exit code 1 if any',
  flags: { tenant: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const tenant = stringFlag(args, 'tenant');
    const report = await withDatabase(config, (db) => verifyChains(db, tenant === undefined ? {} : { tenant }));
    const text = report.chains.length === 0 ? 'No audit rows.' : report.chains.map(line).join('\n');
    out.result(report, text);
    return report.ok ? 0 : 1;
  },
};

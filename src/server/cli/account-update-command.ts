// `b2x-gateway account update ID [--ops a,b] [--rate N] [--active true|false]`: change grants,
// limit or state (the CLI twin of PATCH /api/admin/service-accounts/{id}).
import { updateServiceAccount, type ServiceAccountPatch } from '../../security/accounts/update-service-account';
import type { Command } from './command';
import { intFlag, stringFlag, type ParsedArgs } from './parse-args';
import { UsageError } from './usage-error';
import { withDatabase } from './with-database';

function patchOf(args: ParsedArgs): ServiceAccountPatch {
  const ops = stringFlag(args, 'ops');
  const rate = intFlag(args, 'rate');
  const active = stringFlag(args, 'active');
  if (active !== undefined && active !== 'true' && active !== 'false') throw new UsageError('--active must be true or false');
  const patch: ServiceAccountPatch = {
    ...(ops !== undefined ? { operations: ops.split(',').map((o) => o.trim()).filter((o) => o !== '') } : {}),
    ...(rate !== undefined ? { rateLimitPerMinute: rate } : {}),
    ...(active !== undefined ? { active: active === 'true' } : {}),
  };
  if (Object.keys(patch).length === 0) throw new UsageError('nothing to change: give --ops, --rate or --active');
  return patch;
}

export const accountUpdateCommand: Command = {
  words: ['account', 'update'],
  synopsis: 'ID [--ops a,b] [--rate PER_MIN] [--active true|false]',
  summary: "change a service account's grants, rate limit or state",
  flags: { ops: 'string', rate: 'string', active: 'string' },
  positionals: { min: 1, max: 1, names: 'ID' },
  async run({ args, config, out }) {
    const patch = patchOf(args);
    const account = await withDatabase(config, (db) => updateServiceAccount(db, args.positionals[0] ?? '', patch));
    out.result(account, `Updated ${account.id}: ${account.active ? 'active' : 'inactive'}, ${account.rateLimitPerMinute}/min, ${account.operations.join(',')}`);
  },
};

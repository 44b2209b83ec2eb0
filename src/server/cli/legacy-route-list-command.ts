// `b2x-gateway legacy route list [--tenant T]`: every entity set of every tenant (or of T), its
// mode and primary side, explicit or the default (LEGACY_DEFAULT_MODE of this environment).
import { routeView, type ListedRoute } from '../../legacy/route-table';
import type { Command } from './command';
import { stringFlag } from './parse-args';
import { withLegacyStore } from './with-legacy-store';

function table(routes: readonly ListedRoute[]): string {
  if (routes.length === 0) return 'No tenants.';
  const rows = routes.map((r) => [r.tenantId, r.entitySet, r.mode, `primary ${r.primary}`, r.explicit ? `set ${r.updatedAt ?? ''}` : '(default)']);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

export const legacyRouteListCommand: Command = {
  words: ['legacy', 'route', 'list'],
  synopsis: '[--tenant T]',
  summary: 'list who serves each entity set of each tenant (explicit routes and defaults)',
  flags: { tenant: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const tenant = stringFlag(args, 'tenant');
    const routes = await withLegacyStore(config, (store) => store.listRoutes(tenant));
    out.result({ value: routes.map(routeView) }, table(routes));
  },
};

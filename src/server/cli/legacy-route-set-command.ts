// `b2x-gateway legacy route set --tenant T --set NAME --mode local|upstream|shadow [--primary local|upstream]`:
// who serves one entity set of a tenant during dual running. Running instances apply it within 1 s.
import { defaultPrimary, ROUTE_MODES, SIDES } from '../../legacy/legacy-validation';
import { routeView } from '../../legacy/route-table';
import type { Command } from './command';
import { enumFlag } from './enum-flag';
import { requiredFlag } from './parse-args';
import { UsageError } from './usage-error';
import { withLegacyStore } from './with-legacy-store';

export const legacyRouteSetCommand: Command = {
  words: ['legacy', 'route', 'set'],
  synopsis: '--tenant T --set NAME --mode local|upstream|shadow [--primary local|upstream]',
  summary: 'route one entity set (canonical name) of a tenant: served here, by the legacy service, or shadowed; running instances apply it within 1 s',
  flags: { tenant: 'string', set: 'string', mode: 'string', primary: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const tenant = requiredFlag(args, 'tenant');
    const entitySet = requiredFlag(args, 'set');
    const mode = enumFlag(args, 'mode', ROUTE_MODES);
    if (mode === undefined) throw new UsageError('--mode is required');
    const primary = enumFlag(args, 'primary', SIDES) ?? defaultPrimary(mode);
    const route = await withLegacyStore(config, async (store) => {
      await store.setRoute(tenant, { entitySet, mode, primary });
      return (await store.listRoutes(tenant)).find((r) => r.entitySet === entitySet);
    });
    out.result(route ? routeView(route) : {}, `${tenant} ${entitySet}: ${mode} (primary ${primary}). Running instances apply it within 1 s.`);
  },
};

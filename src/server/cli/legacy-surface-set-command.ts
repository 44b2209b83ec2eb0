// `b2x-gateway legacy surface set --tenant T --state read-write|read-only|off [--deprecation ISO]
// [--sunset ISO] [--link URL]`: replaces the tenant's legacy OData surface setting (omitted
// headers are cleared). Running instances apply it within 1 s.
import { SURFACE_STATES } from '../../legacy/legacy-validation';
import type { Command } from './command';
import { enumFlag } from './enum-flag';
import { requiredFlag, stringFlag } from './parse-args';
import { UsageError } from './usage-error';
import { withLegacyStore } from './with-legacy-store';

export const legacySurfaceSetCommand: Command = {
  words: ['legacy', 'surface', 'set'],
  synopsis: '--tenant T --state read-write|read-only|off [--deprecation ISO] [--sunset ISO] [--link URL]',
  summary: "set a tenant's legacy /odata surface (read-only refuses writes, off refuses all) and its Deprecation/Sunset/Link headers",
  flags: { tenant: 'string', state: 'string', deprecation: 'string', sunset: 'string', link: 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const tenant = requiredFlag(args, 'tenant');
    const state = enumFlag(args, 'state', SURFACE_STATES);
    if (state === undefined) throw new UsageError('--state is required');
    const [deprecation, sunset, link] = [stringFlag(args, 'deprecation'), stringFlag(args, 'sunset'), stringFlag(args, 'link')];
    const surface = await withLegacyStore(config, async (store) => {
      await store.setSurface(tenant, { state, ...(deprecation ? { deprecation } : {}), ...(sunset ? { sunset } : {}), ...(link ? { link } : {}) });
      return store.surfaceOf(tenant);
    });
    const extras = (['deprecation', 'sunset', 'link'] as const).filter((k) => surface[k] !== undefined).map((k) => `${k} ${surface[k] ?? ''}`);
    out.result({ tenant, ...surface }, `${tenant} legacy surface: ${surface.state}${extras.length > 0 ? `; ${extras.join('; ')}` : ''}. Running instances apply it within 1 s.`);
  },
};

// The control plane's store of legacy settings (legacy-settings.ts LegacyStore): routes, surface
// and upstream credential per tenant, read by the /odata gate through a ≤ 1 s cache that writes
// through this store clear at once (other instances and the CLI: within the TTL), and the
// evidence shadow mode records (hourly counts, newest differences).
import type { Database } from '../data/db';
import { findTenant } from '../data/accounts/find-tenant';
import { listTenantRows } from '../data/accounts/list-tenants';
import { countComparison } from '../data/legacy/count-comparison';
import { findSurface } from '../data/legacy/find-surface';
import { upsertRoute } from '../data/legacy/upsert-route';
import { upsertSurface } from '../data/legacy/upsert-surface';
import { selectRoutes } from '../data/legacy/select-routes';
import { NotFoundError } from '../errors/catalogue';
import type { SecretBox } from '../security/secret-box';
import type { LegacyStore, RouteMode, SurfaceSetting, TenantLegacySettings } from './legacy-settings';
import { checkCredential, checkEntitySet, checkRoute, checkSurface } from './legacy-validation';
import { recordDifference } from './record-difference';
import { routeTable, type ListedRoute } from './route-table';
import { surfaceOfRow } from './surface-row';
import { credentialReader } from './credential-reader';
import { clearCredential, storeCredential } from './upstream-credential';
import { ttlCache } from './ttl-cache';

export const SETTINGS_TTL_MS = 1000;
const HOUR_MS = 3_600_000;

export interface LegacyStoreOptions {
  readonly db: Database;
  readonly box: SecretBox;
  /** mode of every entity set without an explicit row (LEGACY_DEFAULT_MODE); default `local` */
  readonly defaultMode?: RouteMode;
  /** cache time to live (default 1000 ms; tests use 0 to read through) */
  readonly ttlMs?: number;
}

/** What the admin API and CLI need beyond the gate's view: listings with their origin and age. */
export interface LegacyControlStore extends LegacyStore {
  listRoutes(tenantId?: string): Promise<readonly ListedRoute[]>;
  /** the stored surface (uncached), `updatedAt` null when never set */
  surfaceOf(tenantId: string): Promise<SurfaceSetting & { readonly updatedAt: string | null }>;
  readonly defaultMode: RouteMode;
}

export function createLegacyStore(opts: LegacyStoreOptions): LegacyControlStore {
  const { db, box } = opts;
  const defaultMode = opts.defaultMode ?? 'local';
  const cache = ttlCache<TenantLegacySettings>(opts.ttlMs ?? SETTINGS_TTL_MS);
  const credentials = credentialReader(db.knex, box);
  const mustExist = async (tenantId: string): Promise<void> => {
    if (!(await findTenant(db.knex, tenantId))) throw new NotFoundError(`No tenant '${tenantId}'.`, { target: 'tenant' });
  };
  const load = async (tenantId: string): Promise<TenantLegacySettings> => {
    const [rows, surface, credential] = await Promise.all([selectRoutes(db.knex, tenantId), findSurface(db.knex, tenantId), credentials.read(tenantId)]);
    const routes = new Map(routeTable(tenantId, rows, defaultMode).map(({ entitySet, mode, primary }) => [entitySet, { entitySet, mode, primary }] as const));
    return { routes, surface: surfaceOfRow(surface), credential };
  };
  return {
    defaultMode,
    settingsFor: (tenantId) => cache.get(tenantId, load),
    async setRoute(tenantId, setting) {
      const s = checkRoute(setting);
      await mustExist(tenantId);
      await upsertRoute(db.knex, { tenant_id: tenantId, entity_set: s.entitySet, mode: s.mode, primary_side: s.primary, updated_at: new Date().toISOString() });
      cache.invalidate(tenantId);
    },
    async listRoutes(tenantId) {
      if (tenantId !== undefined) await mustExist(tenantId);
      const tenants = tenantId !== undefined ? [tenantId] : (await listTenantRows(db.knex)).map((t) => t.id);
      const rows = await selectRoutes(db.knex, tenantId);
      return tenants.flatMap((t) => routeTable(t, rows, defaultMode));
    },
    async setSurface(tenantId, setting) {
      const s = checkSurface(setting);
      await mustExist(tenantId);
      await upsertSurface(db.knex, { tenant_id: tenantId, state: s.state, deprecation: s.deprecation ?? null, sunset: s.sunset ?? null, link: s.link ?? null, updated_at: new Date().toISOString() });
      cache.invalidate(tenantId);
    },
    async surfaceOf(tenantId) {
      await mustExist(tenantId);
      const row = await findSurface(db.knex, tenantId);
      return { ...surfaceOfRow(row), updatedAt: row?.updated_at ?? null };
    },
    async setUpstreamCredential(tenantId, credential) {
      const c = credential === undefined ? undefined : checkCredential(credential);
      await mustExist(tenantId);
      if (c === undefined) await clearCredential(db.knex, tenantId);
      else await storeCredential(db.knex, box, tenantId, c);
      credentials.forget(tenantId);
      cache.invalidate(tenantId);
    },
    async recordComparison(c) {
      checkEntitySet(c.entitySet);
      const bucketMs = Math.floor(c.atMs / HOUR_MS) * HOUR_MS;
      await countComparison(db.knex, { tenantId: c.tenantId, entitySet: c.entitySet, bucketMs, differed: c.difference !== undefined });
      if (c.difference !== undefined) await recordDifference(db.knex, c);
    },
  };
}

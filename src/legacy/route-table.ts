// Turns the stored route rows of a tenant into the full table the gate reads: every entity set of
// the model, its explicit row or else the default mode (LEGACY_DEFAULT_MODE, `local` unless set).
import type { LegacyRouteRow } from '../data/legacy/rows';
import type { RouteMode, RouteSetting, Side } from './legacy-settings';
import { defaultPrimary, ENTITY_SET_NAMES, ROUTE_MODES, SIDES } from './legacy-validation';

export interface ListedRoute extends RouteSetting {
  readonly tenantId: string;
  /** false: no row, the default mode applies */
  readonly explicit: boolean;
  readonly updatedAt: string | null;
}

const isMode = (s: string): s is RouteMode => (ROUTE_MODES as readonly string[]).includes(s);
const isSide = (s: string): s is Side => (SIDES as readonly string[]).includes(s);

function fromRow(row: LegacyRouteRow | undefined, tenantId: string, entitySet: string, defaultMode: RouteMode): ListedRoute {
  // a row the code no longer understands (edited by hand) falls back to the default, never to a guess
  if (row && isMode(row.mode) && isSide(row.primary_side)) {
    return { tenantId, entitySet, mode: row.mode, primary: row.primary_side, explicit: true, updatedAt: row.updated_at };
  }
  return { tenantId, entitySet, mode: defaultMode, primary: defaultPrimary(defaultMode), explicit: false, updatedAt: null };
}

/** A route as the admin API and CLI show it (`tenant`, like every other admin listing). */
export const routeView = (r: ListedRoute) => ({
  tenant: r.tenantId, entitySet: r.entitySet, mode: r.mode, primary: r.primary, explicit: r.explicit, updatedAt: r.updatedAt,
});

/** Every entity set of the model for one tenant, in model order. */
export function routeTable(tenantId: string, rows: readonly LegacyRouteRow[], defaultMode: RouteMode): ListedRoute[] {
  const bySet = new Map(rows.filter((r) => r.tenant_id === tenantId).map((r) => [r.entity_set, r]));
  return ENTITY_SET_NAMES.map((set) => fromRow(bySet.get(set), tenantId, set, defaultMode));
}

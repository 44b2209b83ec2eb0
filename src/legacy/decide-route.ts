// Which side answers a request (issue #5): by the mode of the canonical entity set of the first path
// segment. The service document and $metadata are always ours; an unknown set is left to local
// dispatch (its 404). Shadow compares reads only: any other method goes to the primary alone.
import type { ODataUri } from '../odata/uri/ast';
import type { RouteSetting, Side } from './legacy-settings';

export type RouteDecision =
  | { readonly kind: 'local' }
  | { readonly kind: 'upstream'; readonly entitySet: string }
  | { readonly kind: 'shadow'; readonly entitySet: string; readonly primary: Side }
  | { readonly kind: 'batch' };

const LOCAL: RouteDecision = { kind: 'local' };
const BATCH: RouteDecision = { kind: 'batch' };

/** The side whose answer a client gets for a set in this mode. */
export const primaryOf = (r: RouteSetting): Side => (r.mode === 'shadow' ? r.primary : r.mode);

export function decideRoute(uri: ODataUri, method: string, routes: ReadonlyMap<string, RouteSetting>): RouteDecision {
  const first = uri.segments[0];
  if (first === undefined || first.kind === 'metadata') return LOCAL;
  if (first.kind === 'batch') return BATCH;
  if (first.kind !== 'identifier') return LOCAL;
  const route = routes.get(first.name);
  if (route === undefined || route.mode === 'local') return LOCAL;
  if (route.mode === 'upstream') return { kind: 'upstream', entitySet: route.entitySet };
  if (method !== 'GET') return route.primary === 'local' ? LOCAL : { kind: 'upstream', entitySet: route.entitySet };
  return { kind: 'shadow', entitySet: route.entitySet, primary: route.primary };
}

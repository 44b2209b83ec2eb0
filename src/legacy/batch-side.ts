// $batch beside the legacy service (issue #5): a batch is one unit — change sets are atomic and
// Content-ID references tie operations together — so it cannot be split between two services. It is
// served by the side that is primary for ALL of the tenant's entity sets; when they disagree it is
// refused (409) naming them, and the runbook rule is to move sets that are batched together in lockstep.
import { ConflictError } from '../errors/catalogue';
import type { RouteSetting, Side } from './legacy-settings';
import { primaryOf } from './decide-route';

export function batchSide(routes: ReadonlyMap<string, RouteSetting>): Side {
  const local: string[] = [];
  const upstream: string[] = [];
  for (const r of routes.values()) (primaryOf(r) === 'local' ? local : upstream).push(r.entitySet);
  if (upstream.length === 0) return 'local';
  if (local.length === 0) return 'upstream';
  throw new ConflictError(
    `$batch needs every entity set on one side, but this tenant's sets are split (served here: ${local.sort().join(', ')}; ` +
      `served by the legacy service: ${upstream.sort().join(', ')}). Ask the operator to move these sets in lockstep ` +
      '(all upstream or all local), or send the requests one by one.',
  );
}

// Keeps one shadow difference: the request and values cut to the sizes the contract promises
// (2 KiB request, 1 KiB per value), then the set pruned to its newest DIFFERENCES_KEPT.
import type { Knex } from 'knex';
import { insertDifference } from '../data/legacy/insert-difference';
import { pruneDifferences } from '../data/legacy/prune-differences';
import type { ShadowComparison } from './legacy-settings';

export const DIFFERENCES_KEPT = 200;

const cut = (s: string, max: number): string => (s.length <= max ? s : s.slice(0, max));

export async function recordDifference(knex: Knex, c: ShadowComparison): Promise<void> {
  const d = c.difference;
  if (d === undefined) return;
  await insertDifference(knex, {
    tenant_id: c.tenantId,
    entity_set: c.entitySet,
    at: new Date(c.atMs).toISOString(),
    at_ms: c.atMs,
    request_id: cut(c.requestId, 128),
    request: cut(c.request, 2048),
    primary_side: c.primary,
    first_path: cut(d.path, 1024),
    primary_value: cut(d.primaryValue, 1024),
    secondary_value: cut(d.secondaryValue, 1024),
  });
  await pruneDifferences(knex, c.tenantId, c.entitySet, DIFFERENCES_KEPT);
}

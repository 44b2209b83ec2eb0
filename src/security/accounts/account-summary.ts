// The public shape of a service-account row: grants, limit and state, never a key or hash.
import type { ServiceAccountRow } from '../../data/accounts/rows';
import { parseOperationsColumn } from './operations-column';
import type { ServiceAccountSummary } from './tenant';

export function toAccountSummary(r: ServiceAccountRow): ServiceAccountSummary {
  return {
    id: r.id,
    tenant: r.tenant_id,
    name: r.name,
    operations: parseOperationsColumn(r.operations),
    rateLimitPerMinute: Number(r.rate_limit_per_minute),
    active: Number(r.active) === 1,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  };
}

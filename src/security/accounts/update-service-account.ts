// Changes an account's grants, rate limit and/or state (PATCH /api/admin/service-accounts/{id}).
// Deactivating stops its keys and tokens within the credential cache TTL, like a revocation.
import type { Database } from '../../data/db';
import { updateServiceAccount as updateRow, type ServiceAccountChanges } from '../../data/accounts/update-service-account';
import { assertRateLimit, normaliseOperations } from './create-service-account';
import { accountNotFound, getServiceAccount } from './get-service-account';
import type { ServiceAccountSummary } from './tenant';

export interface ServiceAccountPatch {
  readonly operations?: readonly string[];
  readonly rateLimitPerMinute?: number;
  readonly active?: boolean;
}

function changesOf(patch: ServiceAccountPatch): ServiceAccountChanges {
  const changes: { -readonly [K in keyof ServiceAccountChanges]: ServiceAccountChanges[K] } = {};
  if (patch.operations !== undefined) changes.operations = JSON.stringify(normaliseOperations(patch.operations));
  if (patch.rateLimitPerMinute !== undefined) {
    assertRateLimit(patch.rateLimitPerMinute);
    changes.rate_limit_per_minute = patch.rateLimitPerMinute;
  }
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  return changes;
}

export async function updateServiceAccount(db: Database, id: string, patch: ServiceAccountPatch): Promise<ServiceAccountSummary> {
  const changed = await updateRow(db.knex, id, changesOf(patch));
  if (changed === 0) throw accountNotFound(id);
  return getServiceAccount(db, id);
}

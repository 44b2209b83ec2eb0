// Creates an ERP service account of a tenant with its first API key. The key is returned exactly
// once; only its keyed hash is stored (contract.md "Credentials").
import type { Database } from '../../data/db';
import { findTenant } from '../../data/accounts/find-tenant';
import { insertServiceAccount } from '../../data/accounts/insert-service-account';
import { BadRequestError, ValidationError } from '../../errors/catalogue';
import { formatErpKey, generateKeySecret } from '../api-key';
import { hashApiKey } from '../key-hash';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, ERP_OPERATIONS, isErpOperation, type ErpOperation } from '../operations';
import { assertName, assertTenantId } from './create-tenant';
import { newId } from './new-id';

export interface CreateServiceAccountInput {
  readonly tenant: string;
  /** default: "<tenant> ERP connector" */
  readonly name?: string;
  /** default: all of ERP_OPERATIONS */
  readonly operations?: readonly string[];
  /** default: 600 */
  readonly ratePerMinute?: number;
}

export interface CreatedServiceAccount {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly operations: readonly ErpOperation[];
  readonly rateLimitPerMinute: number;
  /** shown once; never stored */
  readonly apiKey: string;
}

export const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;

/** Validates and de-duplicates requested grants (BadRequestError naming the first unknown one). */
export function normaliseOperations(requested: readonly string[] | undefined): ErpOperation[] {
  if (requested === undefined) return [...ERP_OPERATIONS];
  const unknown = requested.find((op) => !isErpOperation(op));
  if (unknown !== undefined) {
    throw new BadRequestError(`unknown operation '${unknown}'; known: ${ERP_OPERATIONS.join(', ')}`, { target: 'operations' });
  }
  if (requested.length === 0) throw new BadRequestError('operations must name at least one operation', { target: 'operations' });
  return ERP_OPERATIONS.filter((op) => requested.includes(op));
}

export function assertRateLimit(rate: number): void {
  if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_LIMIT_PER_MINUTE) {
    throw new BadRequestError(`rate limit must be an integer 1-${MAX_RATE_LIMIT_PER_MINUTE} per minute`, { target: 'rateLimitPerMinute' });
  }
}

export async function createServiceAccount(
  db: Database,
  /** the API-key hash key (gateway-secrets.ts) */
  hashKey: Uint8Array,
  input: CreateServiceAccountInput,
): Promise<CreatedServiceAccount> {
  assertTenantId(input.tenant, 'tenant');
  const name = input.name ?? `${input.tenant} ERP connector`;
  assertName(name);
  const operations = normaliseOperations(input.operations);
  const rateLimitPerMinute = input.ratePerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  assertRateLimit(rateLimitPerMinute);
  if (!(await findTenant(db.knex, input.tenant))) {
    throw new ValidationError(`tenant '${input.tenant}' does not exist`, { target: 'tenant' });
  }
  const [id, keyId] = [await newId('sa'), await newId('key')];
  const apiKey = formatErpKey(input.tenant, await generateKeySecret());
  const now = new Date().toISOString();
  await insertServiceAccount(
    db.knex,
    { id, tenant_id: input.tenant, name, operations: JSON.stringify(operations), rate_limit_per_minute: rateLimitPerMinute, active: 1, created_at: now, last_used_at: null },
    { id: keyId, account_id: id, key_hash: await hashApiKey(apiKey, hashKey), created_at: now, expires_at: null, revoked_at: null },
  );
  return { id, tenant: input.tenant, name, operations, rateLimitPerMinute, apiKey };
}

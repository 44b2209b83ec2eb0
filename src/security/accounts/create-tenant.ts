// Creates a tenant: the id must match the key format's tenant part, since it is embedded in every
// ERP key (`erp-service.{tenant}.…`); a duplicate id is a 409.
import type { Database } from '../../data/db';
import { insertTenant } from '../../data/accounts/insert-tenant';
import { isUniqueViolation } from '../../data/unique-violation';
import { BadRequestError, ConflictError } from '../../errors/catalogue';
import { isTenantId } from '../api-key';
import type { Tenant } from './tenant';

export function assertTenantId(id: string, target = 'id'): void {
  if (!isTenantId(id)) {
    throw new BadRequestError(`tenant id must match [a-z0-9][a-z0-9-]{0,31} (got ${JSON.stringify(id.slice(0, 40))})`, { target });
  }
}

export function assertName(name: string, target = 'name'): void {
  if (name.trim() === '' || name.length > 200) throw new BadRequestError(`${target} must be 1-200 characters`, { target });
}

/** Creates a tenant (name defaults to the id). BadRequestError on a bad id/name, ConflictError if it exists. */
export async function createTenant(db: Database, id: string, name: string = id): Promise<Tenant> {
  assertTenantId(id);
  assertName(name);
  const row = { id, name, created_at: new Date().toISOString() };
  try {
    await insertTenant(db.knex, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`tenant '${id}' already exists`, { target: 'id' });
    throw err;
  }
  return { id, name, createdAt: row.created_at };
}

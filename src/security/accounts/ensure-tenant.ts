// Find-or-create for tooling (`seed`, `demo`): creates the tenant only when it is missing.
import type { Database } from '../../data/db';
import { findTenant } from '../../data/accounts/find-tenant';
import { ConflictError } from '../../errors/catalogue';
import { createTenant } from './create-tenant';
import type { Tenant } from './tenant';

export async function ensureTenant(db: Database, id: string, name?: string): Promise<{ tenant: Tenant; created: boolean }> {
  const existing = await findTenant(db.knex, id);
  if (existing) return { tenant: { id: existing.id, name: existing.name, createdAt: existing.created_at }, created: false };
  try {
    return { tenant: await createTenant(db, id, name), created: true };
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    const raced = await findTenant(db.knex, id); // another process created it in between
    if (!raced) throw err;
    return { tenant: { id: raced.id, name: raced.name, createdAt: raced.created_at }, created: false };
  }
}

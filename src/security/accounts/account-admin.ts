// Everything the admin API may do to tenants, service accounts and admin keys, bound to one
// database and hash key. Controllers receive this object, so they never see the database.
import type { Database } from '../../data/db';
import { createAdminKey, type CreatedAdminKey } from './create-admin-key';
import { createServiceAccount, type CreatedServiceAccount, type CreateServiceAccountInput } from './create-service-account';
import { createTenant } from './create-tenant';
import { deleteServiceAccount } from './delete-service-account';
import { getServiceAccount } from './get-service-account';
import { listAccounts } from './list-service-accounts';
import { listTenants } from './list-tenants';
import { revokeServiceAccount, type RevokedAccount } from './revoke-service-account';
import { rotateAccountKey, type RotatedKey } from './rotate-account-key';
import type { ServiceAccountSummary, Tenant } from './tenant';
import { updateServiceAccount, type ServiceAccountPatch } from './update-service-account';

export interface AccountAdmin {
  createTenant(id: string, name?: string): Promise<Tenant>;
  listTenants(): Promise<Tenant[]>;
  createServiceAccount(input: CreateServiceAccountInput): Promise<CreatedServiceAccount>;
  listServiceAccounts(filter: { tenant?: string }): Promise<ServiceAccountSummary[]>;
  getServiceAccount(id: string): Promise<ServiceAccountSummary>;
  updateServiceAccount(id: string, patch: ServiceAccountPatch): Promise<ServiceAccountSummary>;
  rotateKey(id: string, graceSeconds?: number): Promise<RotatedKey>;
  revoke(id: string): Promise<RevokedAccount>;
  deleteServiceAccount(id: string): Promise<void>;
  createAdminKey(name?: string): Promise<CreatedAdminKey>;
}

export function accountAdmin(db: Database, hashKey: Uint8Array): AccountAdmin {
  return {
    createTenant: (id, name) => createTenant(db, id, name),
    listTenants: () => listTenants(db),
    createServiceAccount: (input) => createServiceAccount(db, hashKey, input),
    listServiceAccounts: (filter) => listAccounts(db, filter),
    getServiceAccount: (id) => getServiceAccount(db, id),
    updateServiceAccount: (id, patch) => updateServiceAccount(db, id, patch),
    rotateKey: (id, graceSeconds) => rotateAccountKey(db, hashKey, id, graceSeconds === undefined ? {} : { graceSeconds }),
    revoke: (id) => revokeServiceAccount(db, id),
    deleteServiceAccount: (id) => deleteServiceAccount(db, id),
    createAdminKey: (name) => createAdminKey(db, hashKey, name),
  };
}

// GET /api/admin/tenants → {"value":[tenant…]}.
import type { Request, Response } from 'express';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';

export function tenantsList(admin: AccountAdmin) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.json({ value: await admin.listTenants() });
  };
}

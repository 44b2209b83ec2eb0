// GET /api/admin/service-accounts/{id} → the account; never a key, secret or hash.
import type { Request, Response } from 'express';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { accountIdOf } from './account-id';

export function serviceAccountGet(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    res.json(await admin.getServiceAccount(accountIdOf(req)));
  };
}

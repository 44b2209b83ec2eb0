// POST /api/admin/service-accounts/{id}/revoke → 200 {"id","revokedAt","keysRevoked"}: every key
// of the account, and every token issued with one, stops working at once.
import type { Request, Response } from 'express';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { accountIdOf } from './account-id';

export function serviceAccountRevoke(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    res.json(await admin.revoke(accountIdOf(req)));
  };
}

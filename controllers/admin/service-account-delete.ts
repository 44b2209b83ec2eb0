// DELETE /api/admin/service-accounts/{id} → 204: every key revoked and the account removed.
import type { Request, Response } from 'express';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { accountIdOf } from './account-id';

export function serviceAccountDelete(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    await admin.deleteServiceAccount(accountIdOf(req));
    res.status(204).end();
  };
}

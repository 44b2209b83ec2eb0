// GET /api/admin/service-accounts[?tenant=T] → {"value":[account…]}; never a key, secret or hash.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { validate } from '../validate';

export const QUERY = z.object({ tenant: z.string().max(64).optional() });

export function serviceAccountsList(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const { tenant } = validate(QUERY, req.query, 'query');
    res.json({ value: await admin.listServiceAccounts(tenant === undefined ? {} : { tenant }) });
  };
}

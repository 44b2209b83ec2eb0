// PATCH /api/admin/service-accounts/{id} {"operations"?,"rateLimitPerMinute"?,"active"?} → the account.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { validate } from '../validate';
import { accountIdOf } from './account-id';

export const BODY = z.strictObject({
  operations: z.array(z.string().max(64)).max(64).optional(),
  rateLimitPerMinute: z.number().int().optional(),
  active: z.boolean().optional(),
});

export function serviceAccountUpdate(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const id = accountIdOf(req);
    const body = validate(BODY, req.body, 'service-account change');
    res.json(await admin.updateServiceAccount(id, body));
  };
}

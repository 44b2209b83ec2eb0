// POST /api/admin/service-accounts/{id}/rotate {"graceSeconds"?} → 200 {"id","apiKey","previousKeyExpiresAt"}.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { validate } from '../validate';
import { accountIdOf } from './account-id';

export const BODY = z.strictObject({ graceSeconds: z.number().int().nonnegative().optional() });

export function serviceAccountRotate(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const id = accountIdOf(req);
    const { graceSeconds } = validate(BODY, req.body, 'rotation');
    res.json(await admin.rotateKey(id, graceSeconds));
  };
}

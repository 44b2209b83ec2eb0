// POST /api/admin/keys {"name"} → 201 {"id","apiKey"}: a new platform admin key, shown once.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { validate } from '../validate';

export const BODY = z.strictObject({ name: z.string().max(200).optional() });

export function keysCreate(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const { name } = validate(BODY, req.body, 'admin key');
    const key = await admin.createAdminKey(name);
    res.status(201).json({ id: key.id, apiKey: key.apiKey });
  };
}

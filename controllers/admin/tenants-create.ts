// POST /api/admin/tenants {"id","name"?} → 201 tenant.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { validate } from '../validate';

export const BODY = z.strictObject({ id: z.string().max(64), name: z.string().max(200).optional() });

export function tenantsCreate(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = validate(BODY, req.body, 'tenant');
    const tenant = await admin.createTenant(body.id, body.name);
    res.status(201).json(tenant);
  };
}

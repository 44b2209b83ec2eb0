// POST /api/admin/service-accounts → 201 with the API key: the only time it is ever shown.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { validate } from '../validate';

export const BODY = z.strictObject({
  tenant: z.string().max(64),
  name: z.string().max(200).optional(),
  operations: z.array(z.string().max(64)).max(64).optional(),
  rateLimitPerMinute: z.number().int().optional(),
});

export function serviceAccountsCreate(admin: AccountAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = validate(BODY, req.body, 'service account');
    const created = await admin.createServiceAccount({
      tenant: body.tenant,
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.operations === undefined ? {} : { operations: body.operations }),
      ...(body.rateLimitPerMinute === undefined ? {} : { ratePerMinute: body.rateLimitPerMinute }),
    });
    res.status(201).location(`/api/admin/service-accounts/${created.id}`).json(created);
  };
}

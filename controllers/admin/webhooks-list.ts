// GET /api/admin/webhooks[?tenant=T] → {"value":[subscription…]}; never a signing secret.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { validate } from '../validate';

const QUERY = z.object({ tenant: z.string().max(64).optional() });

export function webhooksList(webhooks: WebhookAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const { tenant } = validate(QUERY, req.query, 'query');
    res.json({ value: await webhooks.list(tenant === undefined ? {} : { tenant }) });
  };
}

// GET /api/admin/webhooks[?tenant=T] → {"value":[subscription…]}; never a signing secret.
import type { Request, Response } from 'express';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { validate } from '../validate';
import { WEBHOOKS_QUERY } from '../schemas/webhooks';

export function webhooksList(webhooks: WebhookAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const { tenant } = validate(WEBHOOKS_QUERY, req.query, 'query');
    res.json({ value: await webhooks.list(tenant === undefined ? {} : { tenant }) });
  };
}

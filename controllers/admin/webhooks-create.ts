// POST /api/admin/webhooks {tenant, url, eventTypes} → 201 with the signing secret: the only time it is shown.
import type { Request, Response } from 'express';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { validate } from '../validate';
import { WEBHOOK_BODY } from '../schemas/webhooks';

export function webhooksCreate(webhooks: WebhookAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = validate(WEBHOOK_BODY, req.body, 'webhook subscription');
    const created = await webhooks.create(body);
    res.status(201).location(`/api/admin/webhooks/${created.id}`).json(created);
  };
}

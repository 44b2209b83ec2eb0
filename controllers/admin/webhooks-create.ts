// POST /api/admin/webhooks {tenant, url, eventTypes} → 201 with the signing secret: the only time it is shown.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { validate } from '../validate';

const EVENT_TYPE = z.string().regex(/^(\*|[A-Z][A-Za-z0-9]{0,63})$/, 'an event type such as CustomerCreated, or *');

const BODY = z.strictObject({
  tenant: z.string().max(64),
  url: z.string().max(2048),
  eventTypes: z.array(EVENT_TYPE).min(1).max(100),
});

export function webhooksCreate(webhooks: WebhookAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = validate(BODY, req.body, 'webhook subscription');
    const created = await webhooks.create(body);
    res.status(201).location(`/api/admin/webhooks/${created.id}`).json(created);
  };
}

// POST /api/admin/webhooks/{id}/redeliver {eventIds?} → 202 {"redelivered":n}: the given events
// (whatever their state) or, without ids, every dead letter are due again with a fresh attempt budget.
import type { Request, Response } from 'express';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { validate } from '../validate';
import { REDELIVER_BODY } from '../schemas/webhooks';
import { webhookIdOf } from './webhook-id';

export function webhookRedeliver(webhooks: WebhookAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const id = webhookIdOf(req);
    const { eventIds } = validate(REDELIVER_BODY, req.body, 'redelivery');
    res.status(202).json({ redelivered: await webhooks.redeliver(id, eventIds) });
  };
}

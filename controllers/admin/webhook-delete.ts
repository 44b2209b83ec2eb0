// DELETE /api/admin/webhooks/{id} → 204: the subscription and its delivery state are removed.
import type { Request, Response } from 'express';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { webhookIdOf } from './webhook-id';

export function webhookDelete(webhooks: WebhookAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    await webhooks.remove(webhookIdOf(req));
    res.status(204).end();
  };
}

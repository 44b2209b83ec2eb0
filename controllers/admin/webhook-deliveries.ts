// GET /api/admin/webhooks/{id}/deliveries[?status=dead&limit=N] → {"value":[delivery…]}, newest event first.
import type { Request, Response } from 'express';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { validate } from '../validate';
import { DELIVERIES_QUERY } from '../schemas/webhooks';
import { webhookIdOf } from './webhook-id';

export function webhookDeliveries(webhooks: WebhookAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const id = webhookIdOf(req);
    const { status, limit } = validate(DELIVERIES_QUERY, req.query, 'query');
    const rows = await webhooks.deliveries(id, { limit, ...(status === undefined ? {} : { status }) });
    res.json({
      value: rows.map((r) => ({
        eventId: r.event_id, eventType: r.event_type, status: r.status, attempts: Number(r.attempts), nextAttemptAt: r.next_attempt_at,
        lastStatus: r.last_status, lastError: r.last_error, createdAt: r.created_at, deliveredAt: r.delivered_at,
      })),
    });
  };
}

// GET /api/admin/webhooks/{id}/deliveries[?status=dead&limit=N] → {"value":[delivery…]}, newest event first.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { validate } from '../validate';
import { webhookIdOf } from './webhook-id';

const QUERY = z.object({
  status: z.enum(['pending', 'failed', 'delivered', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export function webhookDeliveries(webhooks: WebhookAdmin) {
  return async (req: Request, res: Response): Promise<void> => {
    const id = webhookIdOf(req);
    const { status, limit } = validate(QUERY, req.query, 'query');
    const rows = await webhooks.deliveries(id, { limit, ...(status === undefined ? {} : { status }) });
    res.json({
      value: rows.map((r) => ({
        eventId: r.event_id, eventType: r.event_type, status: r.status, attempts: Number(r.attempts), nextAttemptAt: r.next_attempt_at,
        lastStatus: r.last_status, lastError: r.last_error, createdAt: r.created_at, deliveredAt: r.delivered_at,
      })),
    });
  };
}

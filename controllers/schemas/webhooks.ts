// Request and response schemas of /api/admin/webhooks: the request schemas are the ones the webhook
// controllers validate with, the responses describe what they send (src/events/webhook-admin.ts).
import { z } from 'zod';

const EVENT_TYPE = z.string().regex(/^(\*|[A-Z][A-Za-z0-9]{0,63})$/, 'an event type such as CustomerCreated, or *');

export const WEBHOOK_BODY = z.strictObject({
  tenant: z.string().max(64),
  url: z.string().max(2048).meta({ description: 'https (http only to loopback outside production); no credentials, no private addresses in production' }),
  eventTypes: z.array(EVENT_TYPE).min(1).max(100),
}).meta({ id: 'WebhookSubscriptionInput' });

export const WEBHOOKS_QUERY = z.object({ tenant: z.string().max(64).optional() });

export const DELIVERIES_QUERY = z.object({
  status: z.enum(['pending', 'failed', 'delivered', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const REDELIVER_BODY = z.strictObject({
  eventIds: z.array(z.uuid()).min(1).max(1000).optional().meta({ description: 'omitted: every dead letter of the subscription' }),
});

export const WEBHOOK = z.object({
  id: z.string(), tenant: z.string(), url: z.string(), eventTypes: z.array(z.string()), active: z.boolean(), createdAt: z.string(),
}).meta({ id: 'WebhookSubscription', description: 'never the signing secret' });
export const WEBHOOK_LIST = z.object({ value: z.array(WEBHOOK) });
export const CREATED_WEBHOOK = WEBHOOK.extend({
  secret: z.string().meta({ description: 'HMAC-SHA256 signing secret, shown only here; stored sealed' }),
}).meta({ id: 'CreatedWebhookSubscription' });

export const DELIVERY = z.object({
  eventId: z.string(), eventType: z.string(), status: z.enum(['pending', 'failed', 'delivered', 'dead']), attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(), lastStatus: z.number().int().nullable(), lastError: z.string().nullable(),
  createdAt: z.string(), deliveredAt: z.string().nullable(),
}).meta({ id: 'WebhookDelivery' });
export const DELIVERY_LIST = z.object({ value: z.array(DELIVERY) });
export const REDELIVERED = z.object({ redelivered: z.number().int() }).meta({ id: 'Redelivered' });

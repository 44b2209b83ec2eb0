// The JSON body and headers a receiver gets for one event (README "Webhooks"): the body is
// serialised once, and that exact text is what the signature covers.
import type { ClaimedDelivery } from '../data/webhooks/claim-deliveries';
import { webhookSignature } from './sign-webhook';

export function webhookBody(d: ClaimedDelivery): string {
  return JSON.stringify({
    id: d.event_id,
    type: d.type,
    occurredAt: d.occurred_at,
    tenant: d.tenant_id,
    entitySet: d.entity_set,
    key: d.entity_key,
    version: d.version === null ? null : String(d.version),
    data: JSON.parse(d.payload) as unknown,
  });
}

export function webhookHeaders(d: ClaimedDelivery, secret: string, body: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'b2x-erp-gateway-webhooks/1',
    'X-B2X-Event-Id': d.event_id,
    'X-B2X-Event-Type': d.type,
    'X-B2X-Timestamp': timestamp,
    'X-B2X-Signature': webhookSignature(secret, timestamp, body),
  };
}

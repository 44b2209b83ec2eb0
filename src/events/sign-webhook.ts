// The webhook signature: hex HMAC-SHA256 over "<unix seconds>.<raw body>" keyed with the
// subscription secret (its UTF-8 text, whsec_… included). Binding the timestamp lets receivers
// refuse replays older than a few minutes.
import { createHmac } from 'node:crypto';

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

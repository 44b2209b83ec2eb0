// Which subscriptions receive an event: same tenant, and its event-type list holds the type or "*".
import type { Matcher } from '../data/webhooks/fan-out-outbox';

function typesOf(json: string): readonly string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export const matchSubscriptions: Matcher = (event, subs) =>
  subs.filter((s) => s.tenant_id === event.tenant_id && typesOf(s.event_types).some((t) => t === '*' || t === event.type));

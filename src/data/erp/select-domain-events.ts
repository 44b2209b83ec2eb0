// The events API's one read: a tenant's domain events after a sequence id, in sequence (= per
// tenant commit order, see append-events.ts), served by ix_domain_events_tenant_seq.
import type { Database } from '../db';

export interface StoredEvent {
  readonly seq: string;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly entitySet: string | null;
  readonly entityKey: string | null;
  readonly version: string | null;
  readonly payload: string;
}

export async function selectDomainEvents(db: Database, tenantId: string, afterSeq: string, limit: number): Promise<StoredEvent[]> {
  const k = db.knex;
  const rows = (await k('domain_events')
    .select(k.raw('CAST(id AS TEXT) AS seq'), 'event_id', 'type', 'occurred_at', 'entity_set', 'entity_key', k.raw('CAST(version AS TEXT) AS version'), 'payload')
    .where('tenant_id', tenantId)
    .andWhere('id', '>', afterSeq)
    .orderBy('id')
    .limit(limit)) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    seq: String(r.seq), eventId: String(r.event_id), type: String(r.type), occurredAt: String(r.occurred_at),
    entitySet: r.entity_set === null ? null : String(r.entity_set), entityKey: r.entity_key === null ? null : String(r.entity_key),
    version: r.version === null ? null : String(r.version), payload: String(r.payload),
  }));
}

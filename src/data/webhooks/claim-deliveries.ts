// Claims due deliveries with a lease (locked_until) in ONE statement: on PostgreSQL the candidate
// SELECT uses FOR UPDATE SKIP LOCKED, so concurrent dispatchers never claim the same row; on
// SQLite the single writer serialises claims. Only the oldest undelivered row of each
// (subscription, entity) is a candidate, which keeps delivery in order per entity.
import type { Knex } from 'knex';
import type { Database } from '../db';

export interface ClaimedDelivery {
  readonly id: number;
  readonly subscription_id: string;
  readonly url: string;
  readonly secret_sealed: string;
  readonly attempts: number;
  readonly event_id: string;
  readonly event_seq: number;
  readonly tenant_id: string;
  readonly type: string;
  readonly entity_set: string | null;
  readonly entity_key: string | null;
  readonly version: string | number | null;
  readonly payload: string;
  readonly occurred_at: string;
}

export interface ClaimOptions {
  readonly now: string;
  readonly leaseUntil: string;
  readonly limit: number;
  /** subscriptions whose circuit is open in this instance */
  readonly skipSubscriptions: readonly string[];
}

function candidates(db: Database, o: ClaimOptions): Knex.QueryBuilder {
  const k = db.knex;
  const q = k({ d: 'webhook_deliveries' })
    .whereIn('d.status', ['pending', 'failed'])
    .where('d.next_attempt_at', '<=', o.now)
    .where((w) => void w.whereNull('d.locked_until').orWhere('d.locked_until', '<', o.now))
    .whereNotExists(
      k({ p: 'webhook_deliveries' }).select(k.raw('1'))
        .whereRaw('p.subscription_id = d.subscription_id AND p.ordering_key = d.ordering_key AND p.event_seq < d.event_seq')
        .whereIn('p.status', ['pending', 'failed']),
    )
    .orderBy('d.event_seq')
    .limit(o.limit)
    .select('d.id');
  if (o.skipSubscriptions.length > 0) void q.whereNotIn('d.subscription_id', [...o.skipSubscriptions]);
  if (db.dialect === 'pg') void q.forUpdate().skipLocked();
  return q;
}

async function details(db: Database, ids: readonly number[]): Promise<ClaimedDelivery[]> {
  const rows = (await db.knex({ d: 'webhook_deliveries' })
    .join({ s: 'webhook_subscriptions' }, 's.id', 'd.subscription_id')
    .join({ e: 'domain_events' }, 'e.event_id', 'd.event_id')
    .whereIn('d.id', [...ids])
    .orderBy('d.event_seq')
    .select('d.id', 'd.subscription_id', 's.url', 's.secret_sealed', 'd.attempts', 'd.event_id', 'd.event_seq', 'd.tenant_id',
      'e.type', 'e.entity_set', 'e.entity_key', 'e.version', 'e.payload', 'e.occurred_at')) as ClaimedDelivery[];
  return rows.map((r) => ({ ...r, id: Number(r.id), event_seq: Number(r.event_seq), attempts: Number(r.attempts) }));
}

/** Leases up to `limit` due deliveries to this instance until `leaseUntil`; returns them in event order. */
export async function claimDeliveries(db: Database, o: ClaimOptions): Promise<ClaimedDelivery[]> {
  const claimed = (await db.knex('webhook_deliveries').whereIn('id', candidates(db, o)).update({ locked_until: o.leaseUntil }, ['id'])) as Array<{ id: number | string }>;
  if (claimed.length === 0) return [];
  return details(db, claimed.map((r) => Number(r.id)));
}

// Turns pending outbox rows into one delivery row per matching subscription and marks them
// delivered (handed over), in one transaction. One fan-out at a time (a PostgreSQL advisory lock;
// SQLite has one writer anyway), so delivery rows of one entity are created in event order.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Database } from '../db';
import type { SubscriptionRow } from './rows';

export interface OutboxEvent {
  readonly event_id: string;
  readonly seq: number | string;
  readonly tenant_id: string;
  readonly type: string;
  readonly entity_set: string | null;
  readonly entity_key: string | null;
}

/** Which subscriptions get an event (the caller owns the event-type rules). */
export type Matcher = (event: OutboxEvent, subscriptions: readonly SubscriptionRow[]) => readonly SubscriptionRow[];

const orderingKey = (e: OutboxEvent): string =>
  createHash('sha256').update(e.entity_set === null ? `event:${e.event_id}` : `${e.entity_set}${e.entity_key ?? ''}`).digest('hex');

async function pendingOutbox(trx: Knex, limit: number): Promise<Array<OutboxEvent & { outbox_id: number | string }>> {
  return trx({ o: 'outbox' })
    .join({ e: 'domain_events' }, 'e.event_id', 'o.event_id')
    .where('o.status', 'pending')
    .orderBy('o.id')
    .limit(limit)
    .select('o.id as outbox_id', 'e.event_id', 'e.id as seq', 'e.tenant_id', 'e.type', 'e.entity_set', 'e.entity_key');
}

function deliveryRows(events: readonly OutboxEvent[], subs: readonly SubscriptionRow[], match: Matcher, now: string) {
  return events.flatMap((e) => match(e, subs).map((s) => ({
    subscription_id: s.id, event_id: e.event_id, event_seq: Number(e.seq), tenant_id: e.tenant_id, ordering_key: orderingKey(e),
    status: 'pending', attempts: 0, next_attempt_at: now, created_at: now,
  })));
}

/** Fans out up to `limit` outbox rows; returns how many were handed over (0 when another instance holds the fan-out). */
export async function fanOutOutbox(db: Database, match: Matcher, now: string, limit: number): Promise<number> {
  return db.knex.transaction(async (trx) => {
    if (db.dialect === 'pg') {
      const r = await trx.raw<{ rows: Array<{ ok: boolean }> }>("SELECT pg_try_advisory_xact_lock(hashtext('b2x.webhook-fan-out')) AS ok");
      if (r.rows[0]?.ok !== true) return 0;
    } else {
      // take SQLite's write lock first (waits on busy_timeout): a read-then-write upgrade fails with SQLITE_BUSY
      await trx('outbox').where('id', '<', 0).update({ status: 'pending' });
    }
    const events = await pendingOutbox(trx, limit);
    if (events.length === 0) return 0;
    const subs = (await trx('webhook_subscriptions').where('active', 1).select('*')) as SubscriptionRow[];
    const rows = deliveryRows(events, subs, match, now);
    for (let i = 0; i < rows.length; i += 200) {
      await trx('webhook_deliveries').insert(rows.slice(i, i + 200)).onConflict(['subscription_id', 'event_id']).ignore();
    }
    await trx('outbox').whereIn('id', events.map((e) => e.outbox_id)).update({ status: 'delivered', delivered_at: now, locked_until: null });
    return events.length;
  });
}

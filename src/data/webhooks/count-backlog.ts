// Counts for the metrics gauges: outbox rows not yet fanned out, deliveries due now, dead letters.
import type { Knex } from 'knex';

export interface Backlog {
  readonly outboxPending: number;
  readonly deliveriesDue: number;
  readonly deadLetters: number;
}

const count = async (q: Knex.QueryBuilder): Promise<number> => Number(((await q.count({ n: '*' })) as Array<{ n: number | string }>)[0]?.n ?? 0);

export async function countBacklog(knex: Knex, now: string): Promise<Backlog> {
  return {
    outboxPending: await count(knex('outbox').where('status', 'pending')),
    deliveriesDue: await count(knex('webhook_deliveries').whereIn('status', ['pending', 'failed']).where('next_attempt_at', '<=', now)),
    deadLetters: await count(knex('webhook_deliveries').where('status', 'dead')),
  };
}

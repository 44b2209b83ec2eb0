// Records the outcome of one delivery attempt and ends this instance's lease. Guarded by the
// lease value, so an instance whose lease expired (and whose row was re-claimed) changes nothing.
import type { Knex } from 'knex';

export type Outcome =
  | { readonly kind: 'delivered'; readonly status: number; readonly at: string }
  | { readonly kind: 'failed' | 'dead'; readonly attempts: number; readonly nextAttemptAt: string; readonly status: number | null; readonly error: string }
  /** not attempted (circuit open, shutting down): due again at `nextAttemptAt`, attempts unchanged */
  | { readonly kind: 'released'; readonly nextAttemptAt: string };

function changes(o: Outcome): Record<string, unknown> {
  switch (o.kind) {
    case 'delivered':
      return { status: 'delivered', delivered_at: o.at, last_status: o.status, last_error: null };
    case 'failed':
    case 'dead':
      return { status: o.kind, attempts: o.attempts, next_attempt_at: o.nextAttemptAt, last_status: o.status, last_error: o.error.slice(0, 500) };
    case 'released':
      return { next_attempt_at: o.nextAttemptAt };
  }
}

export async function settleDelivery(knex: Knex, id: number, lease: string, outcome: Outcome): Promise<boolean> {
  const set = changes(outcome);
  const n = await knex('webhook_deliveries').where({ id, locked_until: lease }).update({ ...set, locked_until: null });
  return n > 0;
}

// Appends a command's events and their outbox rows on the command's own transaction, so state,
// events and outbox commit or roll back together (Wolverine's outgoing envelopes). On PostgreSQL
// a per-tenant transaction lock makes each tenant's sequence ids follow commit order, so a reader
// of `id > cursor` never skips an event that commits late.
import type { WriteTx } from './write-tx';
import { tenantLogInsert } from '../tenant-table';

export interface EventRow {
  readonly eventId: string;
  readonly type: string;
  readonly entitySet?: string;
  readonly entityKey?: string;
  readonly version?: string;
  /** JSON text of the event data */
  readonly payload: string;
  readonly occurredAt: string;
  readonly commandId: string;
  readonly commandType: string;
  readonly requestId?: string;
  readonly accountId?: string;
}

const CHUNK = 200;

function eventColumns(e: EventRow): Record<string, unknown> {
  return {
    event_id: e.eventId, type: e.type, entity_set: e.entitySet ?? null, entity_key: e.entityKey ?? null,
    version: e.version ?? null, payload: e.payload, occurred_at: e.occurredAt, command_id: e.commandId,
    command_type: e.commandType, request_id: e.requestId ?? null, account_id: e.accountId ?? null,
  };
}

const outboxColumns = (e: EventRow): Record<string, unknown> => ({
  event_id: e.eventId, status: 'pending', attempts: 0, next_attempt_at: e.occurredAt, created_at: e.occurredAt,
});

/** Call once per transaction, as its last statement (the lock is held until commit). */
export async function appendEvents(tx: WriteTx, events: readonly EventRow[]): Promise<void> {
  if (events.length === 0) return;
  if (tx.dialect === 'pg') await tx.knex.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`b2x.domain_events/${tx.scope.tenantId}`]);
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    await tenantLogInsert(tx.knex, tx.scope, 'domain_events', chunk.map(eventColumns));
    await tenantLogInsert(tx.knex, tx.scope, 'outbox', chunk.map(outboxColumns));
  }
}

// Appends a command's events and their outbox rows on the command's own transaction, so state,
// events and outbox commit or roll back together (Wolverine's outgoing envelopes). On PostgreSQL
// a per-tenant transaction lock makes each tenant's sequence ids follow commit order, so a reader
// of `id > cursor` never skips an event that commits late.
import type { WriteTx } from './write-tx';
import { TENANT_COLUMN } from '../../edm/db-schema';
import { insertValues, type InsertValue } from './insert-values';
import type { TenantLogTable } from '../tenant-table';

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


function eventColumns(e: EventRow): Record<string, InsertValue> {
  return {
    event_id: e.eventId, type: e.type, entity_set: e.entitySet ?? null, entity_key: e.entityKey ?? null,
    version: e.version ?? null, payload: e.payload, occurred_at: e.occurredAt, command_id: e.commandId,
    command_type: e.commandType, request_id: e.requestId ?? null, account_id: e.accountId ?? null,
  };
}

const outboxColumns = (e: EventRow): Record<string, InsertValue> => ({
  event_id: e.eventId, status: 'pending', attempts: 0, next_attempt_at: e.occurredAt, created_at: e.occurredAt,
});

/** Multi-row VALUES (insert-values.ts): rows take their ids in order, which the events API reads by. */
async function insertLog(tx: WriteTx, table: TenantLogTable, rows: ReadonlyArray<Record<string, InsertValue>>): Promise<void> {
  const columns = [TENANT_COLUMN, ...Object.keys(rows[0] ?? {})];
  await insertValues(tx.knex, table, columns, rows.map((r) => [tx.scope.tenantId, ...columns.slice(1).map((c) => r[c] ?? null)]));
}

/** Call once per transaction, as its last statement (the lock is held until commit). */
export async function appendEvents(tx: WriteTx, events: readonly EventRow[]): Promise<void> {
  if (events.length === 0) return;
  if (tx.dialect === 'pg') await tx.knex.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`b2x.domain_events/${tx.scope.tenantId}`]);
  // every event row before its outbox rows: outbox.event_id references domain_events
  await insertLog(tx, 'domain_events', events.map(eventColumns));
  await insertLog(tx, 'outbox', events.map(outboxColumns));
}

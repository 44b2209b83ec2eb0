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


/** Columns of a domain_events row as appendEvents writes them (bench/write-floor.ts replays the same statements). */
export const EVENT_COLUMNS = [TENANT_COLUMN, 'event_id', 'type', 'entity_set', 'entity_key', 'version', 'payload', 'occurred_at', 'command_id', 'command_type', 'request_id', 'account_id'];
export const OUTBOX_COLUMNS = [TENANT_COLUMN, 'event_id', 'status', 'attempts', 'next_attempt_at', 'created_at'];

// values straight into arrays in column order: a 1,000-customer sync appends 4,000 of each
const eventValues = (tenantId: string, e: EventRow): InsertValue[] => [
  tenantId, e.eventId, e.type, e.entitySet ?? null, e.entityKey ?? null, e.version ?? null, e.payload, e.occurredAt,
  e.commandId, e.commandType, e.requestId ?? null, e.accountId ?? null,
];

const outboxValues = (tenantId: string, e: EventRow): InsertValue[] => [tenantId, e.eventId, 'pending', 0, e.occurredAt, e.occurredAt];

/** Call once per transaction, as its last statement (the lock is held until commit). */
export async function appendEvents(tx: WriteTx, events: readonly EventRow[]): Promise<void> {
  if (events.length === 0) return;
  if (tx.dialect === 'pg') await tx.knex.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`b2x.domain_events/${tx.scope.tenantId}`]);
  // every event row before its outbox rows: outbox.event_id references domain_events
  const tenantId = tx.scope.tenantId;
  // multi-row VALUES (insert-values.ts): rows take their ids in order, which the events API reads by
  await insertValues(tx, 'domain_events' satisfies TenantLogTable, EVENT_COLUMNS, events.map((e) => eventValues(tenantId, e)));
  await insertValues(tx, 'outbox' satisfies TenantLogTable, OUTBOX_COLUMNS, events.map((e) => outboxValues(tenantId, e)));
}

// One transaction for one tenant: the context command handlers run in. Handlers record the events
// they decided; the unit stamps them (ids, time, command, tenant) and, as the transaction's last
// statement, appends them with their outbox rows — state, events and outbox commit together or not at all.
import type { Database } from '../data/db';
import type { TenantScope } from '../data/tenant-table';
import { appendEvents, type EventRow } from '../data/write/append-events';
import { asConcurrencyConflict } from '../data/write/constraint-error';
import type { WriteTx } from '../data/write/write-tx';
import type { ModelKey, ModelRecord } from '../edm/model-values';
import type { Command, DecidedEvent, DomainEvent, EventMetadata } from './command';
import { keyText } from './entity/entity-key';
import { timeOrderedUuid } from './event-id';
import type { EntityRef } from './entity/entity-commands';
import { PreloadedRows } from './preloaded-rows';

/** Whose data a unit of work changes, and who asked. */
export interface WriteScope extends TenantScope {
  readonly accountId?: string;
}

/** What a command did to its entity (entity commands; other commands may return more). */
export interface CommandResult {
  readonly set: string;
  readonly key: ModelKey;
  /** the entity after the command (undefined after a delete) */
  readonly state?: ModelRecord;
  /** its Version after the command (types with a concurrency token) */
  readonly version?: string;
  /** results of the commands it caused: deep-inserted or cascade-deleted entities */
  readonly related?: readonly CommandResult[];
}

export interface UnitOfWork {
  readonly scope: WriteScope;
  /** the database bound to this unit's transaction, for reads that must see its writes */
  readonly db: Database;
  /** the unit's one clock reading: every timestamp it writes */
  readonly now: Date;
  /** runs a command's handler inside this unit; an error means the unit must fail (rethrow it) */
  dispatch(cmd: Command): Promise<CommandResult>;
  /**
   * Runs a command in a savepoint: on failure its changes and events are undone, the error is
   * returned, and the unit goes on (per-item errors of a bulk sync, continue-on-error).
   */
  attempt(cmd: Command): Promise<Attempted>;
  /** Loads the current rows of entities the next commands will change, in one query (a $batch change set). */
  preload(refs: readonly EntityRef[]): Promise<void>;
  /** events recorded so far, in order */
  readonly events: readonly DomainEvent[];
}

export type Attempted = { readonly ok: true; readonly result: CommandResult } | { readonly ok: false; readonly error: unknown };

export interface EventSubject {
  readonly set: string;
  readonly key: ModelKey;
  readonly version?: string;
}

/** What a handler gets: the transaction, the time, and ways to record events and run more commands. */
export interface HandlerContext {
  readonly tx: WriteTx;
  /** ISO 8601 UTC with ms */
  readonly now: string;
  dispatch(cmd: Command): Promise<CommandResult>;
  record(cmd: Command, subject: EventSubject, events: readonly DecidedEvent[]): void;
  /** the current row of an entity the command is about to change or delete (locked), or undefined */
  loadCurrent(setName: string, key: ModelKey): Promise<ModelRecord | undefined>;
}

export type Handler = (cmd: Command, ctx: HandlerContext) => Promise<CommandResult>;
export type HandlerLookup = (type: string) => Handler | undefined;

// Built property by property, not with spreads: a change set stamps and stores one event per
// operation, and the spread copies showed in its profile. Key order as before (callers may
// serialise the metadata).
function stamp(scope: WriteScope, now: string, cmd: Command, subject: EventSubject, e: DecidedEvent): DomainEvent {
  const metadata: { -readonly [K in keyof EventMetadata]: EventMetadata[K] } = {
    eventId: timeOrderedUuid(), tenantId: scope.tenantId, occurredAt: now, commandId: cmd.metadata.commandId, commandType: cmd.type,
  };
  if (cmd.metadata.requestId !== undefined) metadata.requestId = cmd.metadata.requestId;
  if (scope.accountId !== undefined) metadata.accountId = scope.accountId;
  metadata.entitySet = subject.set;
  metadata.entityKey = keyText(subject.key);
  if (subject.version !== undefined) metadata.version = subject.version;
  return { type: e.type, data: e.data, metadata };
}

function eventRow(e: DomainEvent): EventRow {
  const m = e.metadata;
  return {
    eventId: m.eventId, type: e.type, entitySet: m.entitySet, entityKey: m.entityKey, version: m.version, payload: JSON.stringify(e.data),
    occurredAt: m.occurredAt, commandId: m.commandId, commandType: m.commandType, requestId: m.requestId, accountId: m.accountId,
  };
}

/**
 * `db` with every query on `trx`: reads see the unit's own uncommitted writes, and on SQLite never
 * wait for the pooled connection the transaction holds (so no separate sqliteReader connection).
 */
function onTransaction(db: Database, trx: WriteTx['knex']): Database {
  return { knex: trx, dialect: db.dialect, schema: db.schema, close: async () => undefined };
}

/** A handler context on `tx` whose recorded events go to `sink`. */
function handlerContext(tx: WriteTx, iso: string, sink: DomainEvent[], lookup: HandlerLookup, preloaded: PreloadedRows): HandlerContext {
  const ctx: HandlerContext = {
    tx,
    now: iso,
    loadCurrent: (setName, key) => preloaded.take(tx, setName, key),
    dispatch: (cmd) => {
      const handler = lookup(cmd.type);
      if (!handler) throw new Error(`command bus: no handler for ${cmd.type}`);
      return handler(cmd, ctx);
    },
    record: (cmd, subject, decided) => sink.push(...decided.map((e) => stamp(tx.scope, iso, cmd, subject, e))),
  };
  return ctx;
}

/** Opens a unit on `trx`; call `complete()` last, before the transaction commits. */
export function openUnitOfWork(trx: WriteTx['knex'], db: Database, scope: WriteScope, now: Date, lookup: HandlerLookup) {
  const events: DomainEvent[] = [];
  const tx: WriteTx = { knex: trx, dialect: db.dialect, scope };
  const iso = now.toISOString();
  const preloaded = new PreloadedRows();
  const ctx = handlerContext(tx, iso, events, lookup, preloaded);
  const attempt = async (cmd: Command): Promise<Attempted> => {
    const own: DomainEvent[] = [];
    try {
      // a SAVEPOINT: a failed command (even a failed SQL statement on PostgreSQL) leaves the unit usable
      const result = await trx.transaction((sp) => handlerContext({ ...tx, knex: sp }, iso, own, lookup, preloaded).dispatch(cmd));
      events.push(...own);
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: asConcurrencyConflict(error) ?? error };
    }
  };
  const preload = (refs: readonly EntityRef[]) => preloaded.preload(tx, refs);
  const uow: UnitOfWork = { scope, db: onTransaction(db, trx), now, dispatch: ctx.dispatch, attempt, preload, events };
  return { uow, complete: () => appendEvents(tx, events.map(eventRow)) };
}

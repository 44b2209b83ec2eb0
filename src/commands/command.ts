// Commands and events as plain readonly data (emmett's Command<Type,Data> / Event<Type,Data>):
// commands are imperative requests (CreateCustomer), events past-tense facts (CustomerCreated).
// Nothing here knows HTTP, so $batch, /api/erp and webhooks all speak the same types.
import { randomUUID } from 'node:crypto';

export interface CommandMetadata {
  /** uuid; every event the command causes carries it */
  readonly commandId: string;
  /** X-Request-Id of the HTTP request that issued it, if any */
  readonly requestId?: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface EventMetadata {
  /** uuid */
  readonly eventId: string;
  readonly tenantId: string;
  /** ISO 8601 UTC with ms: the time of the unit of work that decided it */
  readonly occurredAt: string;
  readonly commandId: string;
  readonly commandType: string;
  readonly requestId?: string;
  /** ERP service account that issued the command */
  readonly accountId?: string;
  /** entity set and canonical key predicate of the entity the event is about */
  readonly entitySet?: string;
  readonly entityKey?: string;
  /** the entity's Version after the event (types with a concurrency token) */
  readonly version?: string;
}

export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as a pure decide function returns it: no ids or times yet (the unit of work stamps them). */
export interface DecidedEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** A command with fresh metadata. */
export function command<Type extends string, Data>(type: Type, data: Data, metadata: Partial<CommandMetadata> = {}): Command<Type, Data> {
  return { type, data, metadata: { commandId: metadata.commandId ?? randomUUID(), ...(metadata.requestId !== undefined ? { requestId: metadata.requestId } : {}) } };
}

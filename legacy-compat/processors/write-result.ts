// What writes answer with (Protocol §8.2.8.7 Prefer return, §8.3.4 Preference-Applied, §11.4.2
// Location, §8.3.3 OData-EntityId): the entity exactly as a GET would return it — read by the
// read engine on the write's own transaction, so it is the state this write committed.
import type { EntitySet } from '../../metadata';
import type { Database } from '../../src/data/db';
import { executeRead } from '../../src/data/read/execute-read';
import type { ModelKey } from '../../src/edm/model-values';
import { serializeForClient } from '../naming/serialize-read';
import type { ResponseFormat } from '../../src/odata/format/response-format';
import { setsTouched } from '../../src/odata/query/sets-touched';
import type { ExpandItem, KeyPredicate, ODataUri, QueryOptions } from '../../src/odata/uri/ast';
import { requireOperations } from '../../src/security/authorize';
import { entityPath } from '../../src/odata/format/entity-id';
import type { Dispatched, UnitOfWork } from '../../src/commands/bus';
import { readOperation, writeOperation } from '../operations';
import type { ODataResponse } from '../odata-operation';
import type { WriteContext } from '../write-context';
import type { BaseContext } from './read-resource';
import type { ResponseText } from '../../src/odata/format/text-chunks';

export interface Representation {
  readonly body: ResponseText;
  readonly contentType: string;
}

function keyPredicate(key: ModelKey): KeyPredicate {
  const pairs = Object.entries(key).map(([name, v]) => ({
    name,
    value: typeof v === 'number' ? ({ kind: 'literal', type: 'int', value: String(v) } as const) : ({ kind: 'literal', type: 'string', value: v } as const),
  }));
  return { kind: 'named', pairs };
}

/** $select and $expand of the write request, plus `extraExpand` (deep-inserted navigations) unless already expanded. */
function representationOptions(options: QueryOptions, extraExpand: readonly string[]): QueryOptions {
  const given = options.expand ?? [];
  const added: ExpandItem[] = extraExpand.filter((n) => !given.some((e) => e.path[0] === n)).map((n) => ({ path: [n], options: {} }));
  const expand = [...given, ...added];
  return { ...(options.select ? { select: options.select } : {}), ...(expand.length > 0 ? { expand } : {}) };
}

/** Sets the representation reads beyond what the write itself writes need their `.read` grant. */
export function authorizeRepresentation(ctx: BaseContext, set: EntitySet, options: QueryOptions, writes: readonly string[]): void {
  const touched = setsTouched({ segments: [{ kind: 'identifier', name: set.name }], options: representationOptions(options, []) });
  requireOperations(ctx.principal, touched.filter((s) => !writes.includes(s)).map(readOperation));
}

/** The entity `set(key)` as GET would serialise it, read through `db` (the unit of work's transaction). */
export async function readRepresentation(
  db: Database, ctx: BaseContext, set: EntitySet, key: ModelKey, options: QueryOptions, extraExpand: readonly string[], format: ResponseFormat,
): Promise<Representation> {
  const uri: ODataUri = { segments: [{ kind: 'identifier', name: set.name, key: keyPredicate(key) }], options: representationOptions(options, extraExpand) };
  const result = await executeRead(uri, { ...ctx, db, pageSize: 100 });
  const out = serializeForClient(result, uri.options, ctx, format);
  return { body: out.body ?? '', contentType: out.contentType ?? 'application/json' };
}

export interface WriteAnswer {
  readonly status: 200 | 201 | 204;
  readonly representation?: Representation;
  readonly etag?: string;
  readonly location?: string;
  /** Prefer return=… that was honoured */
  readonly preferenceApplied?: string;
}

/** The answer as headers and body (the router or $batch writes it out). */
export function writeAnswer(a: WriteAnswer): ODataResponse {
  const headers: Record<string, string> = {};
  if (a.etag !== undefined) headers.ETag = a.etag;
  if (a.location !== undefined) {
    headers.Location = a.location;
    if (a.status === 204) headers['OData-EntityId'] = a.location;
  }
  if (a.preferenceApplied !== undefined) headers['Preference-Applied'] = a.preferenceApplied;
  if (a.representation && a.status !== 204) {
    headers['Content-Type'] = a.representation.contentType;
    return { status: a.status, headers, body: a.representation.body };
  }
  return { status: a.status, headers };
}

/** Reports the write to the audit trail: `<set>.write`, the entity as `Customers('10042')`, rows written (one per event). */
export function auditWrite(ctx: BaseContext, set: EntitySet, key: ModelKey, rowsWritten: number): void {
  ctx.audit({ operation: writeOperation(set.name), target: decodeURIComponent(entityPath(set, key)), rowsWritten });
}

/**
 * Runs `work` in the caller's unit of work when there is one (a $batch change set: it commits or
 * rolls back with its siblings, Protocol §11.7.4), else in a transaction of its own.
 */
export async function inUnitOfWork<T>(ctx: WriteContext, work: (uow: UnitOfWork) => Promise<T>): Promise<Dispatched<T>> {
  const shared = ctx.uow;
  if (!shared) return ctx.bus.withUnitOfWork({ tenantId: ctx.scope.tenantId, accountId: ctx.principal.accountId }, work);
  const before = shared.events.length;
  const result = await work(shared);
  return { result, events: shared.events.slice(before) };
}

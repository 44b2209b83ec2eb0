// One batch operation, run through the same checks and processors as a single request
// (legacy-compat/handle-operation.ts): its URL resolved on this service, its body parsed as JSON,
// its grants checked, its writes joined to the change set's unit of work when there is one.
import type { UnitOfWork } from '../../src/commands/bus';
import { isJsonObject, parseExactJson, type JsonValue } from '../../src/edm/exact-json';
import { BadRequestError } from '../../src/errors/catalogue';
import type { AuditInfo } from '../../src/http/request-context';
import { parseODataUri } from '../../src/odata/uri';
import { toCanonicalUri } from '../../src/odata/naming/rename-uri';
import { assertOperationAllowed, handleODataOperation, READ_METHODS, type OperationContext } from '../handle-operation';
import type { ODataResponse } from '../odata-operation';
import { checkContentType } from '../read-json-body';
import type { BatchOperation } from './batch-request';
import { resolveOperationUrl } from './resolve-url';

export interface ExecutedOperation {
  readonly response: ODataResponse;
  /** what `$<id>` stands for in later operations: the created entity's Location, else the URL */
  readonly reference: string;
  readonly audit: AuditInfo;
}

/** A multipart body is text with its own Content-Type (415/400 as for single requests). */
function bodyOf(op: BatchOperation): JsonValue | undefined {
  if (op.body === undefined || op.method === 'DELETE') return undefined;
  if ('json' in op.body) return op.body.json;
  checkContentType(op.headers.get('content-type'));
  return parseExactJson(op.body.text);
}

/** `…@odata.bind: "$1"` names an entity created earlier in the batch (Protocol §11.7.3.1). */
function bindReferences(body: JsonValue | undefined, refs: ReadonlyMap<string, string>): JsonValue | undefined {
  if (!isJsonObject(body)) return body;
  const out: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(body)) {
    const ref = typeof value === 'string' && /@(odata\.)?bind$/.test(name) && value.startsWith('$') ? refs.get(value.slice(1)) : undefined;
    out[name] = ref ?? value;
  }
  return out;
}

/** Runs `op`; throws like a single request would (the caller turns errors into responses). */
export async function executeOperation(op: BatchOperation, base: OperationContext, refs: ReadonlyMap<string, string>, uow?: UnitOfWork): Promise<ExecutedOperation> {
  let audit: AuditInfo = {};
  const target = resolveOperationUrl(op.url, base.serviceRoot, refs);
  const parsed = parseODataUri(target.path, target.rawQuery, base.limits);
  const uri = base.naming ? toCanonicalUri(base.naming.tables, parsed) : parsed;
  const first = uri.segments[0];
  if (first === undefined || first.kind === 'metadata' || first.kind === 'batch') {
    throw new BadRequestError(`Only entity resources can be addressed inside $batch (got ${JSON.stringify(op.url)}).`);
  }
  assertOperationAllowed(op.method, uri);
  // Protocol 4.0 §11.7.2: a change set contains data modification requests only
  if (uow && READ_METHODS.has(op.method)) throw new BadRequestError(`${op.method} is not allowed inside a change set; send it outside.`);
  const body = bindReferences(bodyOf(op), refs);
  const ctx: OperationContext = {
    ...base, resourcePath: target.path, rawQuery: target.rawQuery,
    audit: (info) => void (audit = { ...audit, ...info }),
    ...(uow ? { uow } : {}),
  };
  const header = (name: string): string | undefined => op.headers.get(name.toLowerCase());
  const response = await handleODataOperation({ method: op.method, header, ...(body !== undefined ? { body } : {}) }, uri, ctx);
  const reference = response.headers.Location ?? `${base.serviceRoot}${target.path}`;
  return { response, reference, audit };
}

// One batch operation, run through the same checks and processors as a single request
// (legacy-compat/handle-operation.ts): its URL resolved on this service, its body parsed as JSON,
// its grants checked, its writes joined to the change set's unit of work when there is one.
import type { UnitOfWork } from '../../src/commands/bus';
import { isJsonObject, parseExactJson, type JsonValue } from '../../src/edm/exact-json';
import { BadRequestError } from '../../src/errors/catalogue';
import type { AuditInfo } from '../../src/http/request-context';
import { assertOperationAllowed, handleODataOperation, READ_METHODS, type OperationContext } from '../handle-operation';
import type { ODataResponse } from '../odata-operation';
import { checkContentType } from '../read-json-body';
import type { BatchOperation } from './batch-request';
import { parseOperationTarget, type ParsedTarget } from './operation-target';

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

const BIND = /@(odata\.)?bind$/;

const referenceOf = (name: string, value: JsonValue, refs: ReadonlyMap<string, string>): string | undefined =>
  typeof value === 'string' && value.startsWith('$') && BIND.test(name) ? refs.get(value.slice(1)) : undefined;

/** `…@odata.bind: "$1"` names an entity created earlier in the batch (Protocol §11.7.3.1). */
function bindReferences(body: JsonValue | undefined, refs: ReadonlyMap<string, string>): JsonValue | undefined {
  if (!isJsonObject(body) || refs.size === 0) return body;
  // copied only when a reference is replaced: most bodies have none, and this runs per operation
  let out: Record<string, JsonValue> | undefined;
  for (const name in body) {
    const ref = referenceOf(name, body[name] as JsonValue, refs);
    if (ref !== undefined) (out ??= { ...body })[name] = ref;
  }
  return out ?? body;
}

/**
 * Runs `op`; throws like a single request would (the caller turns errors into responses).
 * `parsed`: its URL as the change set already parsed it (operation-target.ts), else parsed here.
 */
export async function executeOperation(
  op: BatchOperation, base: OperationContext, refs: ReadonlyMap<string, string>, uow?: UnitOfWork, parsed?: ParsedTarget,
): Promise<ExecutedOperation> {
  let audit: AuditInfo = {};
  const { target, uri } = parsed ?? parseOperationTarget(op, base, refs);
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

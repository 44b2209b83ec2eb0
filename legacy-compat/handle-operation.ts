// One OData operation on an entity resource: the checks every request gets, then the processor for
// resource kind × method (Olingo's ODataDispatcher idea). The router runs it for a single request,
// $batch for each of its operations (Protocol §11.7: each is processed as if sent on its own).
import { MethodNotAllowedError, NotImplementedError } from '../src/errors/catalogue';
import type { ODataUri } from '../src/odata/uri/ast';
import type { ODataOperation, ODataResponse } from './odata-operation';
import { createEntity } from './processors/create-entity';
import { deleteEntity } from './processors/delete-entity';
import { readResource } from './processors/read-resource';
import { updateEntity } from './processors/update-entity';
import type { WriteContext } from './write-context';
import { inPublicNames } from './naming/public-operation';

export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'MERGE']);

/** Everything an operation needs but its body. */
export type OperationContext = Omit<WriteContext, 'body'>;

/** 501 for query options we do not implement, 405 for methods OData does not define on resources. */
export function assertOperationAllowed(method: string, uri: ODataUri): void {
  if (uri.options.unsupported && uri.options.unsupported.length > 0) {
    throw new NotImplementedError(`Query option ${uri.options.unsupported.join(', ')} is not supported by this service.`);
  }
  if (!READ_METHODS.has(method) && !WRITE_METHODS.has(method)) {
    throw new MethodNotAllowedError(`${method} is not allowed here.`, { headers: { Allow: 'GET, HEAD, POST, PATCH, PUT, DELETE' } });
  }
}

/** POST → create, DELETE → delete, PATCH/MERGE/PUT → update, GET/HEAD → read. `uri` has canonical names. */
export function handleODataOperation(op: ODataOperation, uri: ODataUri, ctx: OperationContext): Promise<ODataResponse> {
  const naming = ctx.naming;
  if (naming === undefined) return processOperation(op, uri, ctx);
  return inPublicNames(naming, op, uri, (canonicalOp) => processOperation(canonicalOp, uri, ctx));
}

function processOperation(op: ODataOperation, uri: ODataUri, ctx: OperationContext): Promise<ODataResponse> {
  if (!WRITE_METHODS.has(op.method)) return readResource(op, uri, ctx);
  const wctx: WriteContext = { ...ctx, body: op.body };
  if (op.method === 'POST') return createEntity(op, uri, wctx);
  if (op.method === 'DELETE') return deleteEntity(op, uri, wctx);
  return updateEntity(op, uri, wctx);
}

// PATCH/MERGE (merge) and PUT (replace) of one entity (Protocol §11.4.3): If-Match as RESTier
// requires it, then one UpdateT / ReplaceT on the command bus. Answer: 204 with the new ETag, or
// 200 with the entity as a GET returns it under Prefer: return=representation.
import { typeOfSet } from '../../metadata';
import { etagOf } from '../../src/odata/format/etag';
import type { ODataUri } from '../../src/odata/uri/ast';
import { requireOperations } from '../../src/security/authorize';
import { readEntityPayload } from '../entity-payload';
import { expectedVersionOf } from '../if-match';
import { negotiateJson, parsePrefer } from '../negotiate';
import { readOperation, writeOperation } from '../operations';
import { toChangeCommand } from '../to-command';
import type { ODataOperation, ODataResponse } from '../odata-operation';
import type { WriteContext } from '../write-context';
import { entityKeyOf, pathSetsRead, writePath } from '../write-target';
import { auditWrite, authorizeRepresentation, inUnitOfWork, readRepresentation, writeAnswer } from './write-result';

export async function updateEntity(op: ODataOperation, uri: ODataUri, ctx: WriteContext): Promise<ODataResponse> {
  const method = op.method === 'PUT' ? 'PUT' : 'PATCH';
  const path = writePath(uri, op.method);
  const set = path.target;
  requireOperations(ctx.principal, [writeOperation(set.name), ...pathSetsRead(path).map(readOperation)]);
  const expected = expectedVersionOf(op.header('if-match'), typeOfSet(set), ctx.requireIfMatch);
  const payload = readEntityPayload(set, ctx.body, false);
  const prefer = parsePrefer(op.header('prefer')).returnRepresentation;
  const format = prefer === 'representation' ? negotiateJson(op.header('accept'), uri.options.format) : undefined;
  if (format) authorizeRepresentation(ctx, set, uri.options, [set.name]);
  const { result, events } = await inUnitOfWork(ctx, async (uow) => {
    const { key } = await entityKeyOf(uow.db, ctx, uri, path);
    const { command } = toChangeCommand(method, set, key, payload, expected, ctx, { requestId: ctx.requestId });
    const changed = await uow.dispatch(command);
    const representation = format ? await readRepresentation(uow.db, ctx, set, key, uri.options, [], format) : undefined;
    return { changed, representation };
  });
  auditWrite(ctx, set, result.changed.key, events.length);
  return writeAnswer({
    status: format ? 200 : 204,
    ...(result.representation ? { representation: result.representation } : {}),
    ...(result.changed.version !== undefined ? { etag: etagOf(result.changed.version) } : {}),
    ...(prefer ? { preferenceApplied: `return=${prefer}` } : {}),
  });
}

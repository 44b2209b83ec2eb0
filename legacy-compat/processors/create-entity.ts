// POST to an entity set or a collection navigation (Protocol §11.4.2): the body becomes one CreateT
// (deep-inserted entities ride along, §11.4.2.2) on the command bus. Answer: 201 with the entity as
// a GET returns it and its Location, or 204 + OData-EntityId with Prefer: return=minimal.
import { CANONICAL_NAMES } from '../../src/odata/format/served-names';
import { etagOf } from '../../src/odata/format/etag';
import type { ODataUri } from '../../src/odata/uri/ast';
import { requireOperations } from '../../src/security/authorize';
import { readEntityPayload } from '../entity-payload';
import { negotiateJson, parsePrefer } from '../negotiate';
import { readOperation, writeOperation } from '../operations';
import { toCreateCommand } from '../to-command';
import type { ODataOperation, ODataResponse } from '../odata-operation';
import type { WriteContext } from '../write-context';
import { assertParentExists, parentLinkOf, pathSetsRead, writePath } from '../write-target';
import { auditWrite, authorizeRepresentation, inUnitOfWork, readRepresentation, writeAnswer } from './write-result';

export async function createEntity(op: ODataOperation, uri: ODataUri, ctx: WriteContext): Promise<ODataResponse> {
  const path = writePath(uri, 'POST');
  const set = path.target;
  requireOperations(ctx.principal, [writeOperation(set.name), ...pathSetsRead(path).map(readOperation)]);
  const parent = parentLinkOf(path);
  const payload = readEntityPayload(set, ctx.body, true);
  const { command, writes } = toCreateCommand(set, payload, ctx, { requestId: ctx.requestId }, parent);
  requireOperations(ctx.principal, writes.map(writeOperation));
  const prefer = parsePrefer(op.header('prefer')).returnRepresentation;
  const format = prefer === 'minimal' ? undefined : negotiateJson(op.header('accept'), uri.options.format);
  if (format) authorizeRepresentation(ctx, set, uri.options, writes);
  const deepInserted = payload.nested.map((n) => n.nav.name);
  const { result, events } = await inUnitOfWork(ctx, async (uow) => {
    if (parent) await assertParentExists(uow.db, ctx, uri);
    const created = await uow.dispatch(command);
    const representation = format ? await readRepresentation(uow.db, ctx, set, created.key, uri.options, deepInserted, format) : undefined;
    return { created, representation };
  });
  // Location and OData-EntityId in the names the client speaks
  const target = (ctx.naming?.served ?? CANONICAL_NAMES).entityPath(set, result.created.key);
  auditWrite(ctx, set, result.created.key, events.length);
  return writeAnswer({
    status: format ? 201 : 204,
    location: `${ctx.serviceRoot}/${target}`,
    ...(result.representation ? { representation: result.representation } : {}),
    ...(result.created.version !== undefined ? { etag: etagOf(result.created.version) } : {}),
    ...(prefer ? { preferenceApplied: `return=${prefer}` } : {}),
  });
}

// PATCH/MERGE (merge) and PUT (replace) of one entity (Protocol §11.4.3): If-Match as RESTier
// requires it, then one UpdateT / ReplaceT on the command bus. Answer: 204 with the new ETag, or
// 200 with the entity as a GET returns it under Prefer: return=representation.
import type { Request, Response } from 'express';
import { typeOfSet } from '../../metadata';
import { etagOf } from '../../src/odata/format/etag';
import type { ODataUri } from '../../src/odata/uri/ast';
import { requireOperations } from '../../src/security/authorize';
import { readEntityPayload } from '../entity-payload';
import { expectedVersionOf } from '../if-match';
import { negotiateJson, parsePrefer } from '../negotiate';
import { readOperation, writeOperation } from '../operations';
import { toChangeCommand } from '../to-command';
import type { WriteContext } from '../write-context';
import { entityKeyOf, pathSetsRead, writePath } from '../write-target';
import { auditWrite, authorizeRepresentation, readRepresentation, sendWriteAnswer } from './write-result';

export async function updateEntity(req: Request, res: Response, uri: ODataUri, ctx: WriteContext): Promise<void> {
  const method = req.method === 'PUT' ? 'PUT' : 'PATCH';
  const path = writePath(uri, req.method);
  const set = path.target;
  requireOperations(ctx.principal, [writeOperation(set.name), ...pathSetsRead(path).map(readOperation)]);
  const expected = expectedVersionOf(req.get('if-match'), typeOfSet(set), ctx.requireIfMatch);
  const payload = readEntityPayload(set, ctx.body, false);
  const prefer = parsePrefer(req.get('prefer')).returnRepresentation;
  const format = prefer === 'representation' ? negotiateJson(req.get('accept'), uri.options.format) : undefined;
  if (format) authorizeRepresentation(ctx, set, uri.options, [set.name]);
  const { result, events } = await ctx.bus.withUnitOfWork({ tenantId: ctx.scope.tenantId, accountId: ctx.principal.accountId }, async (uow) => {
    const { key } = await entityKeyOf(uow.db, ctx, uri, path);
    const { command } = toChangeCommand(method, set, key, payload, expected, ctx.serviceRoot, { requestId: ctx.requestId });
    const changed = await uow.dispatch(command);
    const representation = format ? await readRepresentation(uow.db, ctx, set, key, uri.options, [], format) : undefined;
    return { changed, representation };
  });
  auditWrite(res, set, result.changed.key, events.length);
  sendWriteAnswer(res, {
    status: format ? 200 : 204,
    ...(result.representation ? { representation: result.representation } : {}),
    ...(result.changed.version !== undefined ? { etag: etagOf(result.changed.version) } : {}),
    ...(prefer ? { preferenceApplied: `return=${prefer}` } : {}),
  });
}

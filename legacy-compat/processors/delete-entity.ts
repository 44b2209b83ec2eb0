// DELETE of one entity (Protocol §11.4.5): If-Match as RESTier requires it, then one DeleteT on the
// command bus — which deletes a customer's contacts and price agreements in the same transaction,
// each with its own event. Answer: 204.
import { typeOfSet } from '../../metadata';
import type { ODataUri } from '../../src/odata/uri/ast';
import { requireOperations } from '../../src/security/authorize';
import { expectedVersionOf } from '../if-match';
import { readOperation, writeOperation } from '../operations';
import { setsWrittenByDelete, toDeleteCommand } from '../to-command';
import type { ODataOperation, ODataResponse } from '../odata-operation';
import type { WriteContext } from '../write-context';
import { entityKeyOf, pathSetsRead, writePath } from '../write-target';
import { auditWrite, inUnitOfWork, writeAnswer } from './write-result';

export async function deleteEntity(op: ODataOperation, uri: ODataUri, ctx: WriteContext): Promise<ODataResponse> {
  const path = writePath(uri, 'DELETE');
  const set = path.target;
  requireOperations(ctx.principal, [...setsWrittenByDelete(set).map(writeOperation), ...pathSetsRead(path).map(readOperation)]);
  const expected = expectedVersionOf(op.header('if-match'), typeOfSet(set), ctx.requireIfMatch);
  const { result, events } = await inUnitOfWork(ctx, async (uow) => {
    const { key } = await entityKeyOf(uow.db, ctx, uri, path);
    return uow.dispatch(toDeleteCommand(set, key, expected, { requestId: ctx.requestId }).command);
  });
  auditWrite(ctx, set, result.key, events.length);
  return writeAnswer({ status: 204 });
}

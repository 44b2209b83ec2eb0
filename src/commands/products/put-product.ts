// PUT /api/erp/products/{id}: create or replace one product in one unit of work. A replace of a
// missing product falls back to a create; If-Match is optional here (new API): given, it must
// match the stored Version (412 otherwise, also when the product does not exist).
import { NotFoundError, PreconditionFailedError } from '../../errors/catalogue';
import type { CommandBus, CommandResult, WriteScope } from '../bus';
import { createEntity, replaceEntity, type ExpectedVersion } from '../entity/entity-commands';

export interface PutProductOutcome {
  readonly created: boolean;
  readonly result: CommandResult;
}

export interface PutProductInput {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly expectedVersion?: ExpectedVersion;
  readonly requestId?: string;
}

export async function putProduct(bus: CommandBus, scope: WriteScope, input: PutProductInput): Promise<PutProductOutcome> {
  const meta = input.requestId !== undefined ? { requestId: input.requestId } : {};
  const key = { ID: input.id };
  const { result } = await bus.withUnitOfWork(scope, async (uow): Promise<PutProductOutcome> => {
    const expected = input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {};
    const replaced = await uow.attempt(replaceEntity('Products', { key, values: input.values, ...expected }, meta));
    if (replaced.ok) return { created: false, result: replaced.result };
    if (!(replaced.error instanceof NotFoundError)) throw replaced.error;
    if (input.expectedVersion !== undefined) throw new PreconditionFailedError(`Products('${input.id}') does not exist, so If-Match cannot match.`);
    return { created: true, result: await uow.dispatch(createEntity('Products', { values: { ...input.values, ID: input.id } }, meta)) };
  });
  return result;
}

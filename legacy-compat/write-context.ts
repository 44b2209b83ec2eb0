// Per-request inputs of a write processor: the read context plus the command bus, the If-Match
// policy (ODATA_REQUIRE_IF_MATCH), the body the router parsed and, inside a $batch change set, the
// unit of work its writes share. Built by legacy-compat/router.ts and legacy-compat/batch/run-batch.ts.
import type { CommandBus, UnitOfWork } from '../src/commands/bus';
import type { JsonValue } from '../src/edm/exact-json';
import type { BaseContext } from './processors/read-resource';

export interface WriteContext extends BaseContext {
  readonly bus: CommandBus;
  /** missing If-Match on PATCH/PUT/DELETE of an entity with a Version → 428 */
  readonly requireIfMatch: boolean;
  /** the parsed JSON body (undefined: none sent) */
  readonly body: JsonValue | undefined;
  readonly requestId: string;
  /** a $batch change set's unit of work: writes join it instead of opening their own transaction */
  readonly uow?: UnitOfWork;
}

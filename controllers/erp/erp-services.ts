// What the /api/erp controllers call: commands (writes) and queries (reads), bound to one database
// by the composition root (src/server/erp-services.ts), so controllers never see knex or data/.
import type { WriteResponse } from '../../src/commands/idempotency/idempotent-write';
import type { PutProductInput, PutProductOutcome } from '../../src/commands/products/put-product';
import type { SyncCustomersRequest } from '../../src/commands/sync/sync-types';
import type { SyncOptions } from '../../src/commands/sync/sync-customers';
import type { WriteScope } from '../../src/commands/bus';
import type { AccessValidator } from '../../src/queries/validate-access';
import type { EventLister } from '../../src/queries/list-events';
import type { UsageStatsReader } from '../../src/queries/usage-stats';

export interface ErpServices {
  syncCustomers(scope: WriteScope, req: SyncCustomersRequest, opts: SyncOptions): Promise<WriteResponse>;
  putProduct(scope: WriteScope, input: PutProductInput): Promise<PutProductOutcome>;
  readonly validateAccess: AccessValidator;
  readonly usageStats: UsageStatsReader;
  readonly listEvents: EventLister;
}

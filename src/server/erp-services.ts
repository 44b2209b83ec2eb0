// Binds the /api/erp commands and queries to the database (composition root).
import type { ErpServices } from '../../controllers/erp/erp-services';
import { createCommandBus } from '../commands/bus';
import { putProduct } from '../commands/products/put-product';
import { syncCustomers } from '../commands/sync/sync-customers';
import type { Database } from '../data/db';
import { eventLister } from '../queries/list-events';
import { usageStatsReader } from '../queries/usage-stats';
import { accessValidator } from '../queries/validate-access';

export function erpServices(db: Database): ErpServices {
  const bus = createCommandBus(db);
  return {
    syncCustomers: (scope, req, opts) => syncCustomers(bus, db, scope, req, opts),
    putProduct: (scope, input) => putProduct(bus, scope, input),
    validateAccess: accessValidator(db),
    usageStats: usageStatsReader(db),
    listEvents: eventLister(db),
  };
}

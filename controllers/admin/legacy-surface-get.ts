// GET /api/admin/legacy/surfaces/{tenant} → the tenant's legacy OData surface: state, the
// Deprecation/Sunset instants and migration-notes link it announces (never set: read-write).
import type { Request, Response } from 'express';
import type { LegacyControlStore } from '../../src/legacy/legacy-store';
import { tenantParam } from './legacy-params';

export function legacySurfaceGet(store: LegacyControlStore) {
  return async (req: Request, res: Response): Promise<void> => {
    const tenant = tenantParam(req);
    res.json({ tenant, ...(await store.surfaceOf(tenant)) });
  };
}

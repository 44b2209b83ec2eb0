// DELETE /api/admin/legacy/credentials/{tenant} → 204: the gateway calls the legacy service for
// this tenant without a credential of its own from now on (idempotent).
import type { Request, Response } from 'express';
import type { LegacyControlStore } from '../../src/legacy/legacy-store';
import { tenantParam } from './legacy-params';

export function legacyCredentialDelete(store: LegacyControlStore) {
  return async (req: Request, res: Response): Promise<void> => {
    await store.setUpstreamCredential(tenantParam(req), undefined);
    res.status(204).end();
  };
}

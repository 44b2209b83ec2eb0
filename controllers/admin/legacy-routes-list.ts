// GET /api/admin/legacy/routes[?tenant=T] → {"value":[route…]}: every entity set of every tenant
// (or of T), its mode and primary side, and whether it is set explicitly or the default applies.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { LegacyControlStore } from '../../src/legacy/legacy-store';
import { routeView } from '../../src/legacy/route-table';
import { validate } from '../validate';
import { TENANT_ID } from './legacy-params';

export const QUERY = z.object({ tenant: TENANT_ID.optional() });

export function legacyRoutesList(store: LegacyControlStore) {
  return async (req: Request, res: Response): Promise<void> => {
    const { tenant } = validate(QUERY, req.query, 'query');
    res.json({ value: (await store.listRoutes(tenant)).map(routeView) });
  };
}

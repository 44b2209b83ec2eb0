// PUT /api/admin/legacy/routes/{tenant}/{entitySet} {"mode","primary"?} → 200 the route. Takes
// effect on this instance at once and on the others within 1 s. Without `primary` the side that
// serves the mode answers (in shadow: the legacy side).
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { LegacyControlStore } from '../../src/legacy/legacy-store';
import { defaultPrimary, ROUTE_MODES, SIDES } from '../../src/legacy/legacy-validation';
import { routeView } from '../../src/legacy/route-table';
import { NotFoundError } from '../../src/errors/catalogue';
import { validate } from '../validate';
import { entitySetParam, tenantParam } from './legacy-params';

export const BODY = z.strictObject({
  mode: z.enum(ROUTE_MODES),
  primary: z.enum(SIDES).optional().meta({ description: 'in shadow: whose answer the client gets (default upstream); otherwise must equal the mode' }),
});

export function legacyRoutePut(store: LegacyControlStore) {
  return async (req: Request, res: Response): Promise<void> => {
    const tenant = tenantParam(req);
    const entitySet = entitySetParam(req);
    const body = validate(BODY, req.body, 'route');
    await store.setRoute(tenant, { entitySet, mode: body.mode, primary: body.primary ?? defaultPrimary(body.mode) });
    const route = (await store.listRoutes(tenant)).find((r) => r.entitySet === entitySet);
    if (!route) throw new NotFoundError(`No entity set '${entitySet}'.`);
    res.json(routeView(route));
  };
}

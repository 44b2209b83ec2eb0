// PUT /api/admin/legacy/surfaces/{tenant} {"state","deprecation"?,"sunset"?,"link"?} → 200 the
// surface (a replacement: omitted fields are cleared). Instants are ISO 8601 with a zone.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { LegacyControlStore } from '../../src/legacy/legacy-store';
import { SURFACE_STATES } from '../../src/legacy/legacy-validation';
import { validate } from '../validate';
import { tenantParam } from './legacy-params';

const INSTANT = z.iso.datetime({ offset: true });

export const BODY = z.strictObject({
  state: z.enum(SURFACE_STATES),
  deprecation: INSTANT.optional().meta({ description: 'sent as Deprecation: @<epoch seconds> (RFC 9745)' }),
  sunset: INSTANT.optional().meta({ description: 'sent as Sunset: <HTTP-date> (RFC 8594)' }),
  link: z.string().max(2048).optional().meta({ description: 'migration notes, http(s); sent as Link rel="deprecation"' }),
});

export function legacySurfacePut(store: LegacyControlStore) {
  return async (req: Request, res: Response): Promise<void> => {
    const tenant = tenantParam(req);
    const body = validate(BODY, req.body, 'surface');
    await store.setSurface(tenant, body);
    res.json({ tenant, ...(await store.surfaceOf(tenant)) });
  };
}

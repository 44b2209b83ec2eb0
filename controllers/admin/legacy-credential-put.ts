// PUT /api/admin/legacy/credentials/{tenant} {"header","value"} → 204: how the gateway
// authenticates to the legacy service for this tenant. Sealed under the master key at once; the
// value is never echoed, listed or logged (validation messages do not repeat it either).
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { LegacyControlStore } from '../../src/legacy/legacy-store';
import { validate } from '../validate';
import { tenantParam } from './legacy-params';

export const BODY = z.strictObject({
  header: z.string().min(1).max(64).meta({ description: 'HTTP field name (RFC 9110 token), e.g. Authorization' }),
  value: z.string().min(1).max(4096).meta({ description: 'stored sealed; never shown again' }),
});

export function legacyCredentialPut(store: LegacyControlStore) {
  return async (req: Request, res: Response): Promise<void> => {
    const tenant = tenantParam(req);
    const body = validate(BODY, req.body, 'credential');
    await store.setUpstreamCredential(tenant, body);
    res.status(204).end();
  };
}

// GET /api/admin/audit?tenant&from&to&limit → {"value":[row…]}, newest first (contract.md "Admin
// API"). Admin principals only — checked here too, so the route stays closed wherever it is mounted.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ForbiddenError } from '../../src/errors/catalogue';
import { principalOf } from '../../src/http/request-context';
import { MAX_AUDIT_LIMIT, type AuditLister } from '../../src/queries/list-audit';
import { validate } from '../validate';

const INSTANT = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const QUERY = z.object({
  // a tenant id, or '_platform' for the chain of admin requests
  tenant: z.string().regex(/^([a-z0-9][a-z0-9-]{0,31}|_platform)$/, 'must be a tenant id or _platform').optional(),
  from: INSTANT.optional(),
  to: INSTANT.optional(),
  limit: z.string().regex(/^\d{1,4}$/, 'must be an integer').transform(Number).pipe(z.number().int().min(1).max(MAX_AUDIT_LIMIT)).optional(),
});

export function auditListHandler(listAudit: AuditLister) {
  return async (req: Request, res: Response): Promise<void> => {
    if (principalOf(res)?.kind !== 'admin') throw new ForbiddenError('Only platform admin keys may read the audit trail.');
    const q = validate(QUERY, req.query, 'query');
    const value = await listAudit({
      ...(q.tenant !== undefined ? { tenant: q.tenant } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
    res.json({ value });
  };
}

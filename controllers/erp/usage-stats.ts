// GET /api/erp/usage/stats?from&to&granularity=hour|day → the tenant's usage by account,
// operation and bucket (requests, errors, rows, p50/p95 ms), from the audit trail.
import type { Request, Response } from 'express';
import { setAuditInfo } from '../../src/http/request-context';
import { USAGE_QUERY } from '../schemas/erp';
import { validate } from '../validate';
import { erpPrincipal } from './erp-principal';
import type { ErpServices } from './erp-services';

export function usageStats(erp: ErpServices) {
  return async (req: Request, res: Response): Promise<void> => {
    const principal = erpPrincipal(res, ['usage.read']);
    const q = validate(USAGE_QUERY, req.query, 'query');
    setAuditInfo(res, { operation: 'usage.read', target: '/api/erp/usage/stats' });
    const stats = await erp.usageStats(principal.tenantId, { from: new Date(q.from), to: new Date(q.to), granularity: q.granularity });
    setAuditInfo(res, { rowsRead: stats.value.length });
    res.json(stats);
  };
}

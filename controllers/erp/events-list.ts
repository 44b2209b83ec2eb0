// GET /api/erp/events?after=<cursor>&limit=1..1000 → {value:[event…], nextCursor}: the tenant's
// domain events in commit order; poll again with nextCursor for what happened since.
import type { Request, Response } from 'express';
import { setAuditInfo } from '../../src/http/request-context';
import { EVENTS_QUERY } from '../schemas/erp';
import { validate } from '../validate';
import { erpPrincipal } from './erp-principal';
import type { ErpServices } from './erp-services';

export const DEFAULT_EVENTS_LIMIT = 100;

export function eventsList(erp: ErpServices) {
  return async (req: Request, res: Response): Promise<void> => {
    const principal = erpPrincipal(res, ['events.read']);
    const q = validate(EVENTS_QUERY, req.query, 'query');
    setAuditInfo(res, { operation: 'events.read', target: '/api/erp/events' });
    const page = await erp.listEvents(principal.tenantId, q.after, q.limit ?? DEFAULT_EVENTS_LIMIT);
    setAuditInfo(res, { rowsRead: page.value.length });
    res.json(page);
  };
}

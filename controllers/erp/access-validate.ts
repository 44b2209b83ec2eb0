// POST /api/erp/access/validate {"contactId"} | {"email"} → {allowed, reasons[], contact,
// customer, validUntil}; an unknown contact (or another tenant's) is a 404.
import type { Request, Response } from 'express';
import { setAuditInfo } from '../../src/http/request-context';
import { ACCESS_BODY } from '../schemas/erp';
import { validate } from '../validate';
import { erpPrincipal } from './erp-principal';
import type { ErpServices } from './erp-services';

export function accessValidate(erp: ErpServices) {
  return async (req: Request, res: Response): Promise<void> => {
    const principal = erpPrincipal(res, ['access.validate']);
    const by = validate(ACCESS_BODY, req.body, 'access check');
    setAuditInfo(res, { operation: 'access.validate', target: '/api/erp/access/validate' });
    const decision = await erp.validateAccess(principal.tenantId, by);
    setAuditInfo(res, { rowsRead: decision.customer ? 2 : 1 });
    res.json(decision);
  };
}

// Names the audit operation of a /api/admin/legacy or /migration route: the path-derived name
// (audit-operation.ts) would read the tenant segment as an action.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { setAuditInfo } from '../../src/http/request-context';

export function audited(operation: string, handler: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    setAuditInfo(res, { operation, target: req.path === '/' ? req.baseUrl : `${req.baseUrl}${req.path}` });
    return handler(req, res, next);
  };
}

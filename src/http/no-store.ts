// Tenant data and credentials must never sit in a shared or browser cache: every /odata and /api
// answer (errors included) carries Cache-Control: no-store.
import type { NextFunction, Request, Response } from 'express';

export function noStore() {
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

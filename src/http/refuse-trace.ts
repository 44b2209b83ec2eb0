// TRACE (and Microsoft's TRACK) echo the request back, credentials included — a cross-site tracing
// vector — so they are refused on every path with 405 before anything else runs. (Node's parser
// already rejects TRACK with 400 before Express; the check here covers any that get through.)
import type { NextFunction, Request, Response } from 'express';
import { MethodNotAllowedError } from '../errors/catalogue';

const REFUSED = new Set(['TRACE', 'TRACK']);
const ALLOW = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

export function refuseTrace() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (REFUSED.has(req.method)) throw new MethodNotAllowedError(`${req.method} is not allowed.`, { headers: { Allow: ALLOW } });
    next();
  };
}

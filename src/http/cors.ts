// CORS is off unless CORS_ORIGINS lists origins: then exactly those origins may call the API from a
// browser (no credentials mode — keys travel in headers, never cookies). Preflights are answered
// here, before authentication, because browsers send them without credentials.
import type { NextFunction, Request, Response } from 'express';

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Authorization, X-API-Key, Content-Type, Accept, OData-Version, OData-MaxVersion, Prefer, If-Match, If-None-Match, X-Request-Id, Idempotency-Key';
const EXPOSE_HEADERS = 'X-Request-Id, ETag, Location, OData-Version, Preference-Applied, Retry-After, RateLimit, RateLimit-Policy, WWW-Authenticate';

export function cors(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    if (allowed.size === 0 || origin === undefined) return next();
    res.vary('Origin');
    if (!allowed.has(origin)) return next(); // no CORS headers: the browser refuses the answer
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    if (req.method === 'OPTIONS' && req.get('access-control-request-method') !== undefined) {
      res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

// helmet's response headers, worked out once at start-up: with fixed options helmet sets the same
// headers on every response, so replaying that list replaces its dozen chained middleware per
// request (measurable on W1's profile). Options whose value depends on the request (CSP nonce
// functions) would not be fixed; we use none, and start-up fails loudly if helmet does not finish
// synchronously on a bare request, which such options would need.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

type HeaderValue = string | number | readonly string[];

/** helmet's calls in order: a header set to a value, or removed (value undefined). */
type Recorded = Array<readonly [name: string, value: HeaderValue | undefined]>;

function recordHelmet(options: Readonly<HelmetOptions>): Recorded {
  const out: Recorded = [];
  const recorder = {
    setHeader(name: string, value: HeaderValue) {
      out.push([name, value]);
      return recorder;
    },
    removeHeader(name: string) {
      out.push([name, undefined]);
    },
  };
  let done = false;
  helmet(options)({ headers: {} } as Request, recorder as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('security-headers: helmet did not finish synchronously; its headers cannot be precomputed');
  return out;
}

/** The headers helmet(options) would set, as one middleware replaying its calls. */
export function securityHeaders(options: Readonly<HelmetOptions>): RequestHandler {
  const calls = recordHelmet(options);
  return (_req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of calls) {
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}

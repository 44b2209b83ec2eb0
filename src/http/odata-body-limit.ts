// The request-body ceiling of /odata (contract.md "Limits": body 10 MiB), checked on the declared
// Content-Length before any work or buffering: more → 413 PayloadTooLarge. Bodies are read only
// by the processors that need them (legacy-compat/read-json-body.ts, $batch), each with the same
// streaming limit, so a chunked body without a length is cut off at 10 MiB there.
import type { NextFunction, Request, Response } from 'express';
import { PayloadTooLargeError } from '../errors/catalogue';

export const ODATA_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export function odataBodyLimit(limitBytes: number = ODATA_BODY_LIMIT_BYTES) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limitBytes) throw new PayloadTooLargeError(`The request body exceeds the limit of ${limitBytes} bytes.`);
    next();
  };
}

// Admin writes take JSON only: a body of another media type is a 415 rather than being silently
// ignored (express.json leaves it unparsed), and a missing body reads as {}.
import type { NextFunction, Request, Response } from 'express';
import { UnsupportedMediaTypeError } from '../../src/errors/catalogue';

const hasBody = (req: Request): boolean =>
  req.get('transfer-encoding') !== undefined || (req.get('content-length') ?? '0') !== '0';

export function requireJsonBody() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (hasBody(req) && !req.is('application/json')) {
      throw new UnsupportedMediaTypeError('The request body must be application/json.');
    }
    req.body ??= {};
    next();
  };
}

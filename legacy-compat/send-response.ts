// Writes an operation's answer ({status, headers, body}) to the Express response of a single request.
import type { Response } from 'express';
import type { ODataResponse } from './odata-operation';

export function sendODataResponse(res: Response, r: ODataResponse): void {
  for (const [name, value] of Object.entries(r.headers)) res.setHeader(name, value);
  res.status(r.status);
  if (r.body === undefined) res.end();
  else res.end(r.body);
}

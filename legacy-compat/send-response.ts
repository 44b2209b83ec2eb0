// Writes an operation's answer ({status, headers, body}) to the Express response of a single request.
import type { Response } from 'express';
import { endWithText } from '../src/http/end-with-text';
import type { ODataResponse } from './odata-operation';

export function sendODataResponse(res: Response, r: ODataResponse): void {
  // for…in rather than Object.entries: no array of pairs per response (this runs for every request)
  const headers = r.headers;
  for (const name in headers) res.setHeader(name, headers[name]!);
  res.statusCode = r.status; // res.status() only adds range checks on our own constants
  if (r.body === undefined) res.end();
  else endWithText(res, r.body);
}

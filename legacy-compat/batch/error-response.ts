// A failed batch operation as an in-body response with the OData error body (JSON Format §21),
// mapped exactly as http/error-handler.ts maps errors of single requests: our bugs become a
// generic 500 (logged by the caller), never a stack trace.
import { GatewayError } from '../../src/errors/catalogue';
import { errorBody } from '../../src/odata/format/error-body';
import type { ODataResponse } from '../odata-operation';

const JSON_TYPE = 'application/json; charset=utf-8';

/** `onBug` sees every error that is not a GatewayError (it is answered as a 500). */
export function errorResponse(err: unknown, onBug: (err: unknown) => void): ODataResponse {
  if (err instanceof GatewayError) {
    return { status: err.status, headers: { ...err.headers, 'Content-Type': JSON_TYPE }, body: errorBody(err.code, err.message, err.target, err.details) };
  }
  if (err instanceof URIError) return { status: 400, headers: { 'Content-Type': JSON_TYPE }, body: errorBody('InvalidSyntax', 'The URL contains an invalid percent-encoding.') };
  onBug(err);
  return { status: 500, headers: { 'Content-Type': JSON_TYPE }, body: errorBody('InternalError', 'An internal error occurred. Quote the X-Request-Id when reporting it.') };
}

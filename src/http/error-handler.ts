// THE place where errors become HTTP responses: a GatewayError keeps its status and code; body
// parser and URI decoding failures become 4xx; anything else is our bug → a generic 500, logged
// with its stack, never sent to the client.
import type { NextFunction, Request, Response } from 'express';
import { GatewayError } from '../errors/gateway-error';
import { errorBody } from '../odata/format/error-body';
import { requestLog } from './request-context';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

function fromFramework(err: unknown): { status: number; code: string; message: string } | undefined {
  if (err instanceof URIError) return { status: 400, code: 'InvalidSyntax', message: 'The URL contains an invalid percent-encoding.' };
  const e = err as HttpishError;
  const status = e?.status ?? e?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  switch (e.type) {
    case 'entity.too.large':
      return { status: 413, code: 'PayloadTooLarge', message: 'The request body exceeds the configured limit.' };
    case 'entity.parse.failed':
      return { status: 400, code: 'InvalidSyntax', message: 'The request body is not valid JSON.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UnsupportedMediaType', message: 'Unsupported content encoding or charset.' };
    default:
      return { status, code: 'BadRequest', message: 'The request could not be processed.' };
  }
}

export function sendError(res: Response, status: number, code: string, message: string, extra?: GatewayError): void {
  if (res.headersSent) return;
  if (extra?.headers) for (const [k, v] of Object.entries(extra.headers)) res.setHeader(k, v);
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('OData-Version', '4.0');
  res.end(errorBody(code, message, extra?.target, extra?.details));
}

export function errorHandler() {
  // Express recognises error middleware by its four parameters.
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof GatewayError) {
      if (err.status >= 500) requestLog(res).error({ err }, 'request failed');
      sendError(res, err.status, err.code, err.message, err);
      return;
    }
    const mapped = fromFramework(err);
    if (mapped) {
      sendError(res, mapped.status, mapped.code, mapped.message);
      return;
    }
    requestLog(res).error({ err }, 'unhandled error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(res, 500, 'InternalError', 'An internal error occurred. Quote the X-Request-Id when reporting it.');
  };
}

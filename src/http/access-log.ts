// One structured log line per request when it finishes. The query string is left out: it can
// carry customer data ($filter values) and, from misbehaving clients, credentials.
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../observability/logger';
import { principalOf, requestLog, startedMsOf } from './request-context';

function logLine(this: Response): void {
  const req = this.req;
  const p = principalOf(this);
  requestLog(this).info(
    {
      method: req.method,
      path: req.path,
      status: this.statusCode,
      ms: performance.now() - startedMsOf(this),
      ...(p?.kind === 'erp' ? { tenant: p.tenantId, account: p.accountId } : p ? { adminKey: p.adminKeyId } : {}),
    },
    'request',
  );
}

/** `log` is the service logger: its level decides, per request, whether any work is done at all. */
export function accessLog(log: Logger) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    // With info off (the usual production level) skip the listener and the child logger. Otherwise
    // one shared listener (res is `this`) timed from the pipeline's start (request-id).
    if (log.isLevelEnabled('info')) res.on('finish', logLine);
    next();
  };
}

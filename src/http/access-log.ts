// One structured log line per request when it finishes. The query string is left out: it can
// carry customer data ($filter values) and, from misbehaving clients, credentials.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../observability/logger';
import { principalOf, requestLog } from './request-context';

/** `log` is the service logger: its level decides, per request, whether any work is done at all. */
export function accessLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // With info off (the usual production level) skip the timer, the listener and the child logger.
    if (!log.isLevelEnabled('info')) {
      next();
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const log = requestLog(res);
      const p = principalOf(res);
      log.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          ...(p?.kind === 'erp' ? { tenant: p.tenantId, account: p.accountId } : p ? { adminKey: p.adminKeyId } : {}),
        },
        'request',
      );
    });
    next();
  };
}

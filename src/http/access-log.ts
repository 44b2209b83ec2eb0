// One structured log line per request when it finishes. The query string is left out: it can
// carry customer data ($filter values) and, from misbehaving clients, credentials.
import type { NextFunction, Request, Response } from 'express';
import { principalOf, requestLog } from './request-context';

export function accessLog() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const log = requestLog(res);
      if (!log.isLevelEnabled('info')) return;
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

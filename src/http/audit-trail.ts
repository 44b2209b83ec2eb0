// One audit row per request by an ERP or admin principal, recorded when the response is done
// (or the client went away: status 499). Runs before authenticate so 401-free failures, 403s, 404s
// and 429s of a known principal are recorded too; requests without a principal leave no row.
// Recording only queues (audit/record-operation.ts); it can never fail or slow the request.
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { AuditEntry } from '../audit/audit-entry';
import { PLATFORM_CHAIN } from '../audit/audit-entry';
import type { AuditSink } from '../audit/record-operation';
import type { Principal } from '../security/principal';
import { deriveAuditInfo } from './audit-operation';
import { atMsOf, auditInfoOf, clientAddress, principalOf, requestId, requestLog, startedMsOf } from './request-context';

/** nginx's "client closed request": the response never finished. */
const CLIENT_CLOSED = 499;

function entryOf(req: Request, res: Response, principal: Principal, atMs: number, durationMs: number): AuditEntry {
  const reported = auditInfoOf(res);
  const derived = reported?.operation !== undefined && reported.target !== undefined ? undefined : deriveAuditInfo(req);
  return {
    atMs,
    requestId: requestId(res),
    tenantId: principal.kind === 'erp' ? principal.tenantId : PLATFORM_CHAIN,
    principalKind: principal.kind,
    accountId: principal.kind === 'erp' ? principal.accountId : principal.adminKeyId,
    operation: reported?.operation ?? derived?.operation ?? 'http.request',
    target: reported?.target ?? derived?.target ?? null,
    method: req.method,
    status: res.writableFinished ? res.statusCode : CLIENT_CLOSED,
    rowsRead: reported?.rowsRead ?? 0,
    rowsWritten: reported?.rowsWritten ?? 0,
    durationMs: Math.round(durationMs),
    clientAddress: clientAddress(req, res),
  };
}

export function auditTrail(sink: AuditSink) {
  // One listener for every request (res is `this`, the request res.req; times are the pipeline's,
  // request-context.ts): no closure per request.
  function onClose(this: Response): void {
    const principal = principalOf(this);
    if (!principal) return;
    try {
      sink.record(entryOf(this.req, this, principal, atMsOf(this), performance.now() - startedMsOf(this)));
    } catch (err) {
      requestLog(this).error({ err }, 'audit: could not record request');
    }
  }
  return (_req: Request, res: Response, next: NextFunction): void => {
    // 'close' comes exactly once: after 'finish', or alone when the connection dropped first —
    // so a plain listener suffices (once() would allocate a wrapper per request).
    res.on('close', onClose);
    next();
  };
}

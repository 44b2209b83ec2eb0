// X-Request-Id in and out, plus (lazily, via requestLog) a child logger carrying it. First in the pipeline so every
// later step (and every error) can name the request.
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../observability/logger';
import { initRequestState } from './request-context';

// Echo a client's id only when it is short and harmless, so it can't inject into logs or headers.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdMiddleware(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const sent = req.get('x-request-id');
    const id = sent !== undefined && SAFE_ID.test(sent) ? sent : randomUUID();
    res.setHeader('X-Request-Id', id);
    // One clock reading for the whole pipeline: metrics, access log and audit share it.
    initRequestState(res, { requestId: id, rootLog: log, atMs: Date.now(), startedMs: performance.now(), clientAddress: undefined, budget: undefined });
    next();
  };
}

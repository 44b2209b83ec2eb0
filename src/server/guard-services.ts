// The per-process state behind rate limiting and the audit trail: the limiter stores (Redis when
// REDIS_URL is set, else in-process) and the batching audit recorder — and their orderly shutdown:
// the audit queue is flushed before the stores and the database close.
import type { Config } from './config';
import type { Database } from '../data/db';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { createRateLimitStores, type RateLimitStores } from '../http/rate-limit-store';
import { createAuditRecorder, type AuditRecorder } from '../audit/record-operation';

export interface GuardServices {
  readonly rateLimitStores: RateLimitStores;
  readonly audit: AuditRecorder;
  /** flush the audit queue, then release the stores (call after the server stopped accepting) */
  close(): Promise<void>;
}

export async function createGuardServices(config: Config, db: Database, log: Logger, metrics: Metrics): Promise<GuardServices> {
  let redisDown = false;
  const rateLimitStores = await createRateLimitStores(
    config.redisUrl === undefined
      ? undefined
      : {
          url: config.redisUrl,
          // ioredis reports every reconnect attempt; one line per outage is enough
          onError: (err) => {
            if (!redisDown) log.warn({ err: err.message }, 'Redis unreachable: rate limits fail open until it is back');
            redisDown = true;
          },
        },
  );
  const audit = createAuditRecorder({
    db,
    log,
    counters: { writeFailures: metrics.auditWriteFailures, rowsDropped: metrics.auditRowsDropped, backlog: metrics.auditBacklog },
  });
  return {
    rateLimitStores,
    audit,
    async close() {
      await audit.close();
      await rateLimitStores.close();
    },
  };
}

// Appends one audit row per request without slowing the request: record() only queues; a writer
// appends the queue in batches (one transaction per batch, per-chain locks) right after the
// response. Durability trade-off: a crash loses at most the rows of one flush interval; SIGTERM
// flushes (close()). A failed write keeps its rows queued and retries with backoff; rows that
// cannot be kept (queue full, or still unwritten at close) are logged in full — never silently lost.
import type { Database } from '../data/db';
import { appendToChains, type ChainAppend } from '../data/audit/append-to-chains';
import { storableEntry, type AuditEntry } from './audit-entry';
import { GENESIS_HASH, linkEntries } from './chain-hash';

/** Where the HTTP layer hands finished requests. */
export interface AuditSink {
  record(entry: AuditEntry): void;
}

export interface AuditRecorder extends AuditSink {
  /** writes every queued row; resolves when done (a failed write leaves rows queued, logged) */
  flush(): Promise<void>;
  /** final flush with a few retries; rows still unwritten are logged; later rows only logged */
  close(): Promise<void>;
  /** rows queued, not yet written */
  readonly backlog: number;
}

export interface AuditRecorderDeps {
  readonly db: Database;
  readonly log: { error(obj: object, msg: string): void };
  readonly counters?: {
    readonly writeFailures: { inc(): void };
    readonly rowsDropped: { inc(): void };
    readonly backlog: { set(n: number): void };
  };
  /** how long the first queued row waits for company; default 20 ms */
  readonly flushIntervalMs?: number;
  /** rows per transaction; default 1000 */
  readonly maxBatchRows?: number;
  /** rows held while the database is unavailable; default 100,000 (≈ 30 MB) */
  readonly maxQueuedRows?: number;
}

function byChain(entries: readonly AuditEntry[]): ChainAppend[] {
  const chains = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const list = chains.get(e.tenantId);
    if (list) list.push(e);
    else chains.set(e.tenantId, [e]);
  }
  return [...chains].map(([tenant, list]) => ({ tenant, link: (head) => linkEntries(head, list) }));
}

export function createAuditRecorder(deps: AuditRecorderDeps): AuditRecorder {
  const interval = deps.flushIntervalMs ?? 20;
  const maxBatch = deps.maxBatchRows ?? 1000;
  const maxQueued = deps.maxQueuedRows ?? 100_000;
  let queue: AuditEntry[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let failures = 0;
  let closed = false;

  const lose = (entries: readonly AuditEntry[], why: string) => {
    for (const audit of entries) {
      deps.counters?.rowsDropped.inc();
      deps.log.error({ audit }, `audit row not persisted (${why}); this log line is its only record`);
    }
  };

  const schedule = (delay: number) => {
    if (timer || running || queue.length === 0 || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, queue.length >= maxBatch ? 0 : delay);
    timer.unref();
  };

  const writeBatch = async (): Promise<boolean> => {
    const batch = queue.splice(0, maxBatch);
    try {
      await appendToChains(deps.db.knex, byChain(batch), GENESIS_HASH);
      failures = 0;
      return true;
    } catch (err) {
      queue = batch.concat(queue);
      failures++;
      deps.counters?.writeFailures.inc();
      deps.log.error({ err, rows: batch.length, failures }, 'audit write failed; rows kept for retry');
      return false;
    }
  };

  // One writer per process: while a batch is in flight new rows gather into the next (group commit).
  const drain = (): Promise<void> => {
    running ??= (async () => {
      while (queue.length > 0 && (await writeBatch()));
    })().finally(() => {
      running = undefined;
      deps.counters?.backlog.set(queue.length);
      schedule(failures > 0 ? Math.min(5000, 100 * 2 ** failures) : interval);
    });
    return running;
  };

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    await drain();
  };

  return {
    record(entry) {
      if (closed) return lose([entry], 'recorded after close');
      if (queue.length >= maxQueued) return lose([entry], 'queue full');
      queue.push(storableEntry(entry));
      schedule(interval);
    },
    flush,
    async close() {
      for (let attempt = 0; attempt < 3 && (queue.length > 0 || running); attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 200 * attempt));
        await flush();
      }
      closed = true;
      if (timer) clearTimeout(timer);
      lose(queue.splice(0), 'database unavailable at shutdown');
    },
    get backlog() {
      return queue.length;
    },
  };
}

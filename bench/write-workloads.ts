// The three write shapes of the CQRS issue (W6 PATCH, W7 $batch change set of 50 PATCHes, W8
// customers sync of 1,000 × 3 contacts), built per request so ids rotate: a benchmark that writes
// one row over and over measures lock contention and the "nothing changed" shortcut, not writes.
import { syncBody } from './sync-payload';

export type WriteWorkloadId = 'W6' | 'W7' | 'W8';

/** One request as autocannon sends it (path verbatim, body as text). */
export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface WriteWorkload {
  readonly id: WriteWorkloadId;
  /** the request as the issue names it, for the report */
  readonly title: string;
  /** rows a request writes (W8: 1,000 customers + 3,000 contacts), for rows/s */
  readonly rowsPerRequest: number;
  /** concurrent connections (W8: one — SQLite takes one writer at a time, and a sync is one big transaction) */
  readonly connections: number;
  /** a fixed number of requests per timed run, sent in sequence (sequential-load.ts), instead of a duration (W8: few, large requests) */
  readonly amount?: number;
  /** the next request, with fresh ids and values */
  next(): WireRequest;
  /** false for a 2xx answer that still reports a failure (a $batch part's 4xx/5xx); checked on every answer under load */
  readonly answeredOk?: (body: string) => boolean;
}

/** A $batch answer is 200 even when its change set failed; the failure is a part's status line. */
const noFailedPart = (body: string): boolean => !/HTTP\/1\.1 [45]\d\d/.test(body);

/** Seeded product ids: A-100001 … A-200000 (seed --products 100000). */
const PRODUCTS = 100_000;
const productId = (i: number): string => `A-${100_001 + (i % PRODUCTS)}`;

/**
 * A ListPrice no earlier write gave this row: the lap over the id range in the integer part, the
 * counter in the decimals. A PATCH that changes nothing is answered without a write (and without
 * an event) by the service, so repeating a value would flatter it.
 */
const listPrice = (i: number): string => `${7000 + Math.floor(i / PRODUCTS)}.${String(i % 10_000).padStart(4, '0')}`;

/** One counter for all targets and runs: every PATCH goes to the next row, with a new value. */
let patchCounter = 0;

export const BATCH_SIZE = 50;
const BATCH_BOUNDARY = 'batch_b2x_bench';
const CHANGESET_BOUNDARY = 'changeset_b2x_bench';
const CRLF = '\r\n';

/** The PATCH body as JSON text: ListPrice as an exact decimal literal (no float on our side). */
export const patchBody = (i: number): string => `{"ListPrice":${listPrice(i)}}`;

function patchPart(i: number, contentId: number): string {
  return ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', `Content-ID: ${contentId}`, '',
    `PATCH Products('${productId(i)}') HTTP/1.1`, 'Content-Type: application/json', 'If-Match: *', '', patchBody(i)].join(CRLF);
}

/** multipart/mixed with one change set of `BATCH_SIZE` PATCHes, as legacy-compat/batch parses it (OData 4.0 §11.7). */
function batchBody(first: number): string {
  const parts = Array.from({ length: BATCH_SIZE }, (_, k) => `--${CHANGESET_BOUNDARY}${CRLF}${patchPart(first + k, k + 1)}${CRLF}`);
  const changeSet = [`Content-Type: multipart/mixed; boundary=${CHANGESET_BOUNDARY}`, '', `${parts.join('')}--${CHANGESET_BOUNDARY}--`].join(CRLF);
  return `--${BATCH_BOUNDARY}${CRLF}${changeSet}${CRLF}--${BATCH_BOUNDARY}--${CRLF}`;
}

let syncCounter = 0;
export const SYNC_CUSTOMERS = 1000;
export const SYNC_CONTACTS_PER_CUSTOMER = 3;

/** W8 requests per timed run (BENCH_SYNC_REQUESTS); each is 4,000 rows in one transaction. */
function syncRequests(): number {
  const n = Number(process.env.BENCH_SYNC_REQUESTS ?? 10);
  if (!Number.isInteger(n) || n < 1) throw new Error('BENCH_SYNC_REQUESTS must be a positive integer');
  return n;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export const WRITE_WORKLOADS: readonly WriteWorkload[] = [
  {
    id: 'W6',
    title: "PATCH /odata/Products('A-1xxxxx') {ListPrice} If-Match: *",
    rowsPerRequest: 1,
    connections: 10,
    next: () => {
      const i = patchCounter++;
      return { method: 'PATCH', path: `/odata/Products('${productId(i)}')`, headers: { ...JSON_HEADERS, 'if-match': '*' }, body: patchBody(i) };
    },
  },
  {
    id: 'W7',
    title: `POST /odata/$batch: change set of ${BATCH_SIZE} × PATCH Products (multipart/mixed)`,
    rowsPerRequest: BATCH_SIZE,
    connections: 10,
    answeredOk: noFailedPart,
    next: () => {
      const first = patchCounter;
      patchCounter += BATCH_SIZE;
      return { method: 'POST', path: '/odata/$batch', headers: { 'content-type': `multipart/mixed; boundary=${BATCH_BOUNDARY}` }, body: batchBody(first) };
    },
  },
  {
    id: 'W8',
    title: `POST /api/erp/customers/sync: ${SYNC_CUSTOMERS.toLocaleString('en-US')} customers × ${SYNC_CONTACTS_PER_CUSTOMER} contacts`,
    rowsPerRequest: SYNC_CUSTOMERS * (1 + SYNC_CONTACTS_PER_CUSTOMER),
    connections: 1,
    get amount() { return syncRequests(); },
    // Even requests create a new block of 1,000 customers, odd ones update that block with changed
    // values: half inserts, half real updates (an unchanged record would be skipped by the service).
    next: () => {
      const n = syncCounter++;
      return { method: 'POST', path: '/api/erp/customers/sync', headers: JSON_HEADERS, body: syncBody(Math.floor(n / 2), n % 2, SYNC_CUSTOMERS, SYNC_CONTACTS_PER_CUSTOMER) };
    },
  },
];

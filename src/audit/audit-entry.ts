// What one request contributes to the audit trail, before it is linked into its chain. Holds no
// key, token, query string or body by construction: only these fields exist.

/** Chain of requests made with admin keys (tenant ids cannot start with '_'). */
export const PLATFORM_CHAIN = '_platform';

export interface AuditEntry {
  /** epoch ms of the request's start */
  readonly atMs: number;
  readonly requestId: string;
  /** the chain: the ERP principal's tenant, or PLATFORM_CHAIN */
  readonly tenantId: string;
  readonly principalKind: 'erp' | 'admin';
  /** ERP service account id, or admin key id */
  readonly accountId: string;
  readonly operation: string;
  readonly target: string | null;
  readonly method: string;
  readonly status: number;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly durationMs: number;
  readonly clientAddress: string | null;
}

// Column widths of migration 0004: longer values are cut, not rejected — a rejected row would
// fail its whole batch.
const WIDTH = { requestId: 128, accountId: 64, operation: 96, target: 1024, method: 16, clientAddress: 64 } as const;

/**
 * Text as both databases store it and hash-stable: lone surrogates become U+FFFD (UTF-8 round
 * trip), control characters (NUL is refused by PostgreSQL) become '?', and the value is cut.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f\ud800-\udfff]/;

function clean(s: string, width: number): string {
  // Fast path (every field of almost every row): no surrogates and no control characters means the
  // UTF-8 round trip and the replace below would return `s` unchanged, so skip their allocations.
  if (s.length <= width && !NEEDS_CLEANING.test(s)) return s;
  const wellFormed = Buffer.from(s, 'utf8').toString('utf8');
  // eslint-disable-next-line no-control-regex
  return wellFormed.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, width);
}

const count = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.min(Math.trunc(n), 2_147_483_647) : 0);

/** The entry with every field made storable (see clean()). */
export function storableEntry(e: AuditEntry): AuditEntry {
  return {
    ...e,
    requestId: clean(e.requestId, WIDTH.requestId),
    accountId: clean(e.accountId, WIDTH.accountId),
    operation: clean(e.operation, WIDTH.operation),
    target: e.target === null ? null : clean(e.target, WIDTH.target),
    method: clean(e.method, WIDTH.method),
    clientAddress: e.clientAddress === null ? null : clean(e.clientAddress, WIDTH.clientAddress),
    status: count(e.status),
    rowsRead: count(e.rowsRead),
    rowsWritten: count(e.rowsWritten),
    durationMs: count(e.durationMs),
  };
}

// The stored first response of an Idempotency-Key, as the idempotency operations read and write it.

export const IDEMPOTENCY_KEYS = 'idempotency_keys';

export interface IdempotencyRecord {
  readonly tenantId: string;
  readonly key: string;
  readonly route: string;
  readonly requestHash: string;
  readonly status: number;
  /** JSON text of the response body */
  readonly response: string;
  readonly createdAt: string;
  readonly expiresAtMs: number;
}

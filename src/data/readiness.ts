// Readiness of the database for /health/ready: reachable, and no migration pending. Once the
// schema is current it stays current for this process (migrations only move forward).
import type { Database } from './db';
import { pendingMigrations } from './migrations';

export type Readiness = { readonly ready: true } | { readonly ready: false; readonly reason: string };

interface PoolLike {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

export function databaseReadiness(db: Database): () => Promise<Readiness> {
  let schemaCurrent = false;
  return async () => {
    try {
      await db.knex.raw('select 1');
      if (!schemaCurrent) schemaCurrent = (await pendingMigrations(db.knex)).length === 0;
      return schemaCurrent ? { ready: true } : { ready: false, reason: 'database migrations pending' };
    } catch {
      return { ready: false, reason: 'database unreachable' };
    }
  };
}

/** Connection pool figures for /metrics (used, free, pending acquires). */
export function poolStats(db: Database): () => { used: number; free: number; pending: number } | undefined {
  return () => {
    const pool = (db.knex.client as { pool?: PoolLike }).pool;
    return pool ? { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires() } : undefined;
  };
}

// Liveness (process up) and readiness (database reachable, schema current) — the only routes
// that need no credential (contract: Credentials).
import { Router } from 'express';
import type { Database } from '../data/db';
import { pendingMigrations } from '../data/migrations';

export function healthRouter(db: Database): Router {
  const router = Router();
  let schemaCurrent = false; // migrations only move forward: once current, stays current for this process
  router.get('/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    try {
      await db.knex.raw('select 1');
      if (!schemaCurrent) schemaCurrent = (await pendingMigrations(db.knex)).length === 0;
      if (!schemaCurrent) {
        res.status(503).json({ status: 'unavailable', reason: 'database migrations pending' });
        return;
      }
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  return router;
}

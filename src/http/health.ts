// Liveness (process up) and readiness (database reachable, schema current) — the only routes
// that need no credential (contract: Credentials).
import { Router } from 'express';

export type ReadinessCheck = () => Promise<{ readonly ready: true } | { readonly ready: false; readonly reason: string }>;

export function healthRouter(checkReady: ReadinessCheck): Router {
  const router = Router();
  router.get('/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const r = await checkReady();
    if (r.ready) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable', reason: r.reason });
  });
  return router;
}

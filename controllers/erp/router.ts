// /api/erp (contract.md "ERP gateway API"): one route per file, ERP principals only, each route
// checking its own grants (erp-principal.ts). JSON bodies are parsed by the /api router.
import { Router, type RequestHandler } from 'express';
import { setRoute } from '../../src/http/request-context';
import { requireJsonBody } from '../admin/json-body';
import { accessValidate } from './access-validate';
import { customersSync } from './customers-sync';
import type { ErpServices } from './erp-services';
import { eventsList } from './events-list';
import { productsPut } from './products-put';
import { usageStats } from './usage-stats';

type Method = 'get' | 'post' | 'put';

export function erpRouter(erp: ErpServices): Router {
  const router = Router();
  const route = (method: Method, path: string, ...handlers: RequestHandler[]) =>
    router[method](path, (_req, res, next) => (setRoute(res, `/api/erp${path}`), next()), ...handlers);
  route('post', '/customers/sync', requireJsonBody(), customersSync(erp));
  route('put', '/products/:id', requireJsonBody(), productsPut(erp));
  route('post', '/access/validate', requireJsonBody(), accessValidate(erp));
  route('get', '/usage/stats', usageStats(erp));
  route('get', '/events', eventsList(erp));
  return router;
}

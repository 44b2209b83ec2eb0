// GET /api/openapi.json: the OpenAPI 3.1 document of /api, built ONCE when the router is built
// (from controllers/openapi/api-routes.ts plus every route the router really registered) and
// served to any authenticated caller.
import type { Request, Response, Router } from 'express';
import { API_ROUTES } from './openapi/api-routes';
import { buildOpenApi } from './openapi/build-openapi';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: string | string[];
  handle?: { stack?: Layer[] };
}

function walk(stack: readonly Layer[], prefix: string): Array<{ method: string; path: string }> {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = layer.route.path;
      return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((method) => ({ method, path: `${prefix}${path}` }));
    }
    if (!layer.handle?.stack) return [];
    const mounts = Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath ?? ''];
    return mounts.flatMap((p) => walk(layer.handle?.stack ?? [], prefix + (p === '/' ? '' : p)));
  });
}

/** Every route registered on `router` and the routers mounted in it, as Express patterns. */
export const routesOf = (router: Router): Array<{ method: string; path: string }> => walk((router as unknown as { stack: Layer[] }).stack, '');

export function openApiDocument(registered: ReadonlyArray<{ method: string; path: string }>) {
  const body = JSON.stringify(buildOpenApi(API_ROUTES, registered));
  return (_req: Request, res: Response): void => {
    res.type('application/json').send(body);
  };
}

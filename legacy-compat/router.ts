// The RESTier-compatible /odata surface: parse the URL once (our parser, limits enforced), then
// dispatch by resource kind × method to a small processor (Olingo's ODataDispatcher idea).
import { Router, type Request, type Response } from 'express';
import type { Database } from '../src/data/db';
import { parseODataUri } from '../src/odata/uri';
import type { ODataLimits } from '../src/odata/uri/limits';
import type { ODataUri } from '../src/odata/uri/ast';
import { ForbiddenError, MethodNotAllowedError, NotImplementedError, UnauthorizedError } from '../src/errors/catalogue';
import { principalOf } from '../src/http/request-context';
import { checkVersionHeaders } from './negotiate';
import { requestTarget, type RequestTarget } from './request-target';
import { sendMetadata } from './metadata-document';
import { sendServiceDocument } from './service-document';
import { readResource } from './processors/read-resource';

export interface ODataRouterDeps {
  readonly db: Database;
  readonly limits: ODataLimits;
  /** host:port used for the service root when a request has no Host header */
  readonly fallbackHost: string;
}

const READ_METHODS = new Set(['GET', 'HEAD']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'MERGE']);

function assertRead(req: Request, allow: string): void {
  if (!READ_METHODS.has(req.method)) throw new MethodNotAllowedError(`${req.method} is not allowed here.`, { headers: { Allow: allow } });
}

async function dispatch(req: Request, res: Response, uri: ODataUri, target: RequestTarget, deps: ODataRouterDeps): Promise<void> {
  const first = uri.segments[0];
  if (first === undefined) return (assertRead(req, 'GET, HEAD'), sendServiceDocument(req, res, target.serviceRoot, uri.options.format));
  if (first.kind === 'metadata') return (assertRead(req, 'GET, HEAD'), sendMetadata(req, res, uri.options.format));
  if (first.kind === 'batch') throw new NotImplementedError('$batch is not available yet on this service.');
  if (uri.options.unsupported && uri.options.unsupported.length > 0) {
    throw new NotImplementedError(`Query option ${uri.options.unsupported.join(', ')} is not supported by this service.`);
  }
  if (WRITE_METHODS.has(req.method)) throw new NotImplementedError(`${req.method} through the OData surface is not available yet.`);
  assertRead(req, 'GET, HEAD');
  const principal = principalOf(res);
  if (!principal) throw new UnauthorizedError('Missing or invalid credentials.');
  if (principal.kind !== 'erp') throw new ForbiddenError('Only ERP service accounts may read tenant data.');
  await readResource(req, res, uri, {
    db: deps.db,
    scope: { tenantId: principal.tenantId },
    principal,
    serviceRoot: target.serviceRoot,
    resourcePath: target.path,
    rawQuery: target.rawQuery,
    limits: deps.limits,
    now: new Date(),
  });
}

export function odataRouter(deps: ODataRouterDeps): Router {
  const router = Router();
  router.use(async (req: Request, res: Response) => {
    res.setHeader('OData-Version', '4.0');
    res.setHeader('Cache-Control', 'no-store');
    checkVersionHeaders(req.get('odata-version'), req.get('odata-maxversion'));
    const target = requestTarget(req, deps.fallbackHost);
    const uri = parseODataUri(target.path, target.rawQuery, deps.limits);
    await dispatch(req, res, uri, target, deps);
  });
  return router;
}

// The RESTier-compatible /odata surface: parse the URL once (our parser, limits enforced), then
// dispatch by resource kind × method to a small processor (Olingo's ODataDispatcher idea). Write
// methods get their JSON body parsed here and become commands on the bus (processors/*-entity.ts).
import { Router, type Request, type Response } from 'express';
import type { Database } from '../src/data/db';
import { parseODataUri } from '../src/odata/uri';
import type { ODataLimits } from '../src/odata/uri/limits';
import type { ODataUri } from '../src/odata/uri/ast';
import { ForbiddenError, MethodNotAllowedError, NotImplementedError, UnauthorizedError } from '../src/errors/catalogue';
import { principalOf, requestId } from '../src/http/request-context';
import { createCommandBus, type CommandBus } from '../src/commands/bus';
import { checkVersionHeaders } from './negotiate';
import { requestTarget, type RequestTarget } from './request-target';
import { sendMetadata } from './metadata-document';
import { sendServiceDocument } from './service-document';
import { readResource, type BaseContext } from './processors/read-resource';
import { createEntity } from './processors/create-entity';
import { updateEntity } from './processors/update-entity';
import { deleteEntity } from './processors/delete-entity';
import { readJsonBody } from './read-json-body';

export interface ODataRouterDeps {
  readonly db: Database;
  readonly limits: ODataLimits;
  /** host:port used for the service root when a request has no Host header */
  readonly fallbackHost: string;
  /** ODATA_REQUIRE_IF_MATCH: PATCH/PUT/DELETE of an entity with a Version needs If-Match (428); default true */
  readonly requireIfMatch?: boolean;
}

const READ_METHODS = new Set(['GET', 'HEAD']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'MERGE']);

function assertRead(req: Request, allow: string): void {
  if (!READ_METHODS.has(req.method)) throw new MethodNotAllowedError(`${req.method} is not allowed here.`, { headers: { Allow: allow } });
}

/** POST → create, DELETE → delete, PATCH/MERGE/PUT → update; only these read a request body. */
async function writeResource(req: Request, res: Response, uri: ODataUri, base: BaseContext, deps: ODataRouterDeps, bus: CommandBus): Promise<void> {
  const body = req.method === 'DELETE' ? undefined : await readJsonBody(req, res);
  const ctx = { ...base, bus, requireIfMatch: deps.requireIfMatch ?? true, body, requestId: requestId(res) };
  if (req.method === 'POST') return createEntity(req, res, uri, ctx);
  if (req.method === 'DELETE') return deleteEntity(req, res, uri, ctx);
  return updateEntity(req, res, uri, ctx);
}

async function dispatch(req: Request, res: Response, uri: ODataUri, target: RequestTarget, deps: ODataRouterDeps, bus: CommandBus): Promise<void> {
  const first = uri.segments[0];
  if (first === undefined) return (assertRead(req, 'GET, HEAD'), sendServiceDocument(req, res, target.serviceRoot, uri.options.format));
  if (first.kind === 'metadata') return (assertRead(req, 'GET, HEAD'), sendMetadata(req, res, uri.options.format));
  if (first.kind === 'batch') throw new NotImplementedError('$batch is not available yet on this service.');
  if (uri.options.unsupported && uri.options.unsupported.length > 0) {
    throw new NotImplementedError(`Query option ${uri.options.unsupported.join(', ')} is not supported by this service.`);
  }
  if (!READ_METHODS.has(req.method) && !WRITE_METHODS.has(req.method)) assertRead(req, 'GET, HEAD, POST, PATCH, PUT, DELETE');
  const principal = principalOf(res);
  if (!principal) throw new UnauthorizedError('Missing or invalid credentials.');
  if (principal.kind !== 'erp') throw new ForbiddenError('Only ERP service accounts may read or write tenant data.');
  const base: BaseContext = {
    db: deps.db,
    scope: { tenantId: principal.tenantId },
    principal,
    serviceRoot: target.serviceRoot,
    resourcePath: target.path,
    rawQuery: target.rawQuery,
    limits: deps.limits,
    now: new Date(),
  };
  if (WRITE_METHODS.has(req.method)) return writeResource(req, res, uri, base, deps, bus);
  await readResource(req, res, uri, base);
}

export function odataRouter(deps: ODataRouterDeps): Router {
  const router = Router();
  const bus = createCommandBus(deps.db);
  router.use(async (req: Request, res: Response) => {
    res.setHeader('OData-Version', '4.0');
    res.setHeader('Cache-Control', 'no-store');
    checkVersionHeaders(req.get('odata-version'), req.get('odata-maxversion'));
    const target = requestTarget(req, deps.fallbackHost);
    const uri = parseODataUri(target.path, target.rawQuery, deps.limits);
    await dispatch(req, res, uri, target, deps, bus);
  });
  return router;
}

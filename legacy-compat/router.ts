// The RESTier-compatible /odata surface: parse the URL once (our parser, limits enforced), then
// dispatch by resource kind × method to a small processor (Olingo's ODataDispatcher idea). Write
// methods get their JSON body parsed here and become commands on the bus (processors/*-entity.ts);
// POST $batch runs the same operations from one body (batch/handle-batch.ts, Protocol §11.7).
import type { Request, RequestHandler, Response } from 'express';
import type { Database } from '../src/data/db';
import { parseODataUri } from '../src/odata/uri';
import type { ODataLimits } from '../src/odata/uri/limits';
import type { ODataUri } from '../src/odata/uri/ast';
import { ForbiddenError, MethodNotAllowedError, UnauthorizedError } from '../src/errors/catalogue';
import { principalOf, requestId, setAuditInfo } from '../src/http/request-context';
import { createCommandBus, type CommandBus } from '../src/commands/bus';
import { checkVersionHeaders } from './negotiate';
import { requestTarget, type RequestTarget } from './request-target';
import { sendMetadata } from './metadata-document';
import { sendServiceDocument } from './service-document';
import { assertOperationAllowed, handleODataOperation, READ_METHODS, WRITE_METHODS, type OperationContext } from './handle-operation';
import { sendODataResponse } from './send-response';
import { readJsonBody } from './read-json-body';
import { handleBatch } from './batch/handle-batch';
import type { LegacyGate } from './legacy-gate';
import { CANONICAL_NAMING, type Naming } from '../src/edm/naming';
import { toCanonicalUri } from '../src/odata/naming/rename-uri';

export interface ODataRouterDeps {
  readonly db: Database;
  readonly limits: ODataLimits;
  /** host:port used for the service root when a request has no Host header */
  readonly fallbackHost: string;
  /** ODATA_REQUIRE_IF_MATCH: PATCH/PUT/DELETE of an entity with a Version needs If-Match (428); default true */
  readonly requireIfMatch?: boolean;
  /** dual running beside the legacy service (legacy-gate.ts); absent = everything is served here */
  readonly legacy?: LegacyGate;
  /** the names /odata speaks (ODATA_NAME_MAPPING_FILE, issue #5); absent = the canonical names */
  readonly naming?: Naming;
}

// shared, so an unmapped gateway adds nothing per request to the operation context
const NO_NAMING = Object.freeze({});

function assertRead(req: Request, allow: string): void {
  if (!READ_METHODS.has(req.method)) throw new MethodNotAllowedError(`${req.method} is not allowed here.`, { headers: { Allow: allow } });
}

/** The inputs every operation of this request shares; only ERP principals reach tenant data. */
function operationContext(res: Response, target: RequestTarget, deps: ODataRouterDeps, bus: CommandBus): OperationContext {
  const principal = principalOf(res);
  if (!principal) throw new UnauthorizedError('Missing or invalid credentials.');
  if (principal.kind !== 'erp') throw new ForbiddenError('Only ERP service accounts may read or write tenant data.');
  return {
    db: deps.db,
    scope: { tenantId: principal.tenantId },
    principal,
    serviceRoot: target.serviceRoot,
    resourcePath: target.path,
    rawQuery: target.rawQuery,
    limits: deps.limits,
    now: new Date(),
    bus,
    requireIfMatch: deps.requireIfMatch ?? true,
    requestId: requestId(res),
    audit: (info) => setAuditInfo(res, info),
    ...(deps.naming && !deps.naming.identity ? { naming: deps.naming } : NO_NAMING),
  };
}

/** One request on an entity resource; only writes (not DELETE) read a request body. */
async function singleOperation(req: Request, res: Response, uri: ODataUri, target: RequestTarget, deps: ODataRouterDeps, bus: CommandBus): Promise<void> {
  assertOperationAllowed(req.method, uri);
  const ctx = operationContext(res, target, deps, bus);
  const body = WRITE_METHODS.has(req.method) && req.method !== 'DELETE' ? await readJsonBody(req, res) : undefined;
  const op = { method: req.method, header: (name: string) => req.get(name), ...(body !== undefined ? { body } : {}) };
  sendODataResponse(res, await handleODataOperation(op, uri, ctx));
}

async function dispatch(req: Request, res: Response, uri: ODataUri, target: RequestTarget, deps: ODataRouterDeps, bus: CommandBus): Promise<void> {
  const first = uri.segments[0];
  const naming = deps.naming ?? CANONICAL_NAMING;
  if (first === undefined) return (assertRead(req, 'GET, HEAD'), sendServiceDocument(req, res, target.serviceRoot, uri.options.format, naming.model));
  if (first.kind === 'metadata') return (assertRead(req, 'GET, HEAD'), sendMetadata(req, res, uri.options.format, naming));
  if (first.kind === 'batch') {
    if (req.method !== 'POST') throw new MethodNotAllowedError(`${req.method} is not allowed on $batch; POST the batch.`, { headers: { Allow: 'POST' } });
    return handleBatch(req, res, operationContext(res, target, deps, bus));
  }
  await singleOperation(req, res, uri, target, deps, bus);
}

/**
 * The /odata surface as one request handler (no Express Router of its own: that was another layer
 * of routing per request). It reads the URL from req.originalUrl below req.baseUrl, so it works
 * with or without the prefix stripped (src/http/prefix-dispatch.ts).
 */
export function odataRouter(deps: ODataRouterDeps): RequestHandler {
  const bus = createCommandBus(deps.db);
  // an identity mapping rewrites nothing: the request path stays exactly as without a mapping
  const tables = deps.naming && !deps.naming.identity ? deps.naming.tables : undefined;
  return async (req: Request, res: Response) => {
    res.setHeader('OData-Version', '4.0');
    res.setHeader('Cache-Control', 'no-store');
    checkVersionHeaders(req.get('odata-version'), req.get('odata-maxversion'));
    const target = requestTarget(req, deps.fallbackHost);
    const parsed = parseODataUri(target.path, target.rawQuery, deps.limits);
    // public → canonical names before anything binds the URL (the legacy gate sees canonical names too)
    const uri = tables ? toCanonicalUri(tables, parsed) : parsed;
    if (deps.legacy !== undefined && (await deps.legacy.intercept(req, res, uri, target))) return;
    await dispatch(req, res, uri, target, deps, bus);
  };
}

// Typed per-request state kept in res.locals (hono's ContextVariableMap idea): set once by the
// middleware that owns each value, read everywhere else through these functions.
import type { Request, Response } from 'express';
import type { Logger } from '../observability/logger';
import type { Principal } from '../security/principal';

interface RequestState {
  requestId: string;
  /** when the pipeline took the request: Date.now() (audit row time) and performance.now() (durations) */
  atMs?: number;
  startedMs?: number;
  /** req.ip, computed on first use: Express recomputes it (proxy-addr) on every read */
  clientAddress?: string | null | undefined;
  /** the per-account limiter's charge of this request, for $batch's consume() (http/rate-limit.ts) */
  budget?: unknown;
  /** the service logger; the per-request child is made from it on first use (see requestLog) */
  rootLog: Logger;
  log?: Logger;
  principal?: Principal;
  /** route pattern for metrics and audit, e.g. "odata" or "/api/erp/customers/sync" */
  route?: string;
  /** what the audit row of this request says it did (http/audit-trail.ts derives defaults) */
  audit?: { -readonly [K in keyof AuditInfo]: AuditInfo[K] };
}

/** The audit trail's view of a request, reported by whoever handles it. */
export interface AuditInfo {
  /** e.g. `customers.read`, `odata.metadata`, `admin.service-accounts.create` */
  readonly operation?: string;
  /** entity set and key, or route, e.g. `Customers('10042')/Contacts` */
  readonly target?: string;
  readonly rowsRead?: number;
  readonly rowsWritten?: number;
}

const KEY = 'b2x';

export function initRequestState(res: Response, state: RequestState): void {
  res.locals[KEY] = state;
}

function state(res: Response): RequestState {
  const s = res.locals[KEY] as RequestState | undefined;
  if (!s) throw new Error('request state missing: request-id middleware must run first');
  return s;
}

export const requestId = (res: Response): string => state(res).requestId;
/**
 * The client address (req.ip, so TRUST_PROXY applies), worked out once per request and shared.
 * With no trusted proxy req.ip is the socket's address, which Express reaches through proxy-addr
 * (parsing X-Forwarded-For only to discard it) — read it directly then.
 */
export function clientAddress(req: Request, res: Response): string | null {
  const s = state(res);
  if (s.clientAddress === undefined) s.clientAddress = (req.app.get('trust proxy') === false ? req.socket.remoteAddress : req.ip) ?? null;
  return s.clientAddress;
}
/** performance.now() when the request entered the pipeline (request-id), for durations. */
export const startedMsOf = (res: Response): number => state(res).startedMs ?? 0;
/** Date.now() when the request entered the pipeline, the audit row's time. */
export const atMsOf = (res: Response): number => state(res).atMs ?? Date.now();
/** The slot http/rate-limit.ts keeps this request's budget in (typed there). */
export const budgetOf = (res: Response): unknown => (res.locals[KEY] as RequestState | undefined)?.budget;
export function setBudget(res: Response, budget: unknown): void {
  state(res).budget = budget;
}
// The child logger is built lazily: most requests never log (info is off in production, errors are
// rare), and a pino child per request was measurable allocation on the hot path.
export function requestLog(res: Response): Logger {
  const s = state(res);
  return (s.log ??= s.rootLog.child({ requestId: s.requestId }));
}
export const principalOf = (res: Response): Principal | undefined => state(res).principal;
export function setPrincipal(res: Response, p: Principal): void {
  state(res).principal = p;
}
export const routeOf = (res: Response): string | undefined => (res.locals[KEY] as RequestState | undefined)?.route;
export function setRoute(res: Response, route: string): void {
  state(res).route = route;
}
/** Reports what this request did for its audit row; later calls override earlier fields. */
export function setAuditInfo(res: Response, info: AuditInfo): void {
  const s = state(res);
  // The first report is copied once (callers may reuse their object); later ones merge into that copy.
  if (s.audit) Object.assign(s.audit, info);
  else s.audit = { ...info };
}
export const auditInfoOf = (res: Response): AuditInfo | undefined => (res.locals[KEY] as RequestState | undefined)?.audit;

// Typed per-request state kept in res.locals (hono's ContextVariableMap idea): set once by the
// middleware that owns each value, read everywhere else through these functions.
import type { Response } from 'express';
import type { Logger } from '../observability/logger';
import type { Principal } from '../security/principal';

interface RequestState {
  requestId: string;
  log: Logger;
  principal?: Principal;
  /** route pattern for metrics and audit, e.g. "odata" or "/api/erp/customers/sync" */
  route?: string;
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
export const requestLog = (res: Response): Logger => state(res).log;
export const principalOf = (res: Response): Principal | undefined => state(res).principal;
export function setPrincipal(res: Response, p: Principal): void {
  state(res).principal = p;
}
export const routeOf = (res: Response): string | undefined => (res.locals[KEY] as RequestState | undefined)?.route;
export function setRoute(res: Response, route: string): void {
  state(res).route = route;
}

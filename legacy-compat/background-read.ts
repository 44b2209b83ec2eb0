// The local side of a shadow comparison whose primary is the legacy upstream (issue #5): the same
// read run through handleODataOperation in-process — no HTTP round trip to ourselves, no second
// rate-limit unit, no audit row (the client's request has its own), errors turned into the status
// and body a client would have seen.
import type { Database } from '../src/data/db';
import type { Naming } from '../src/edm/naming';
import { createCommandBus } from '../src/commands/bus';
import { GatewayError } from '../src/errors/gateway-error';
import { errorBody } from '../src/odata/format/error-body';
import type { ODataUri } from '../src/odata/uri/ast';
import type { ODataLimits } from '../src/odata/uri/limits';
import type { ErpPrincipal } from '../src/security/principal';
import { handleODataOperation } from './handle-operation';
import type { ODataResponse } from './odata-operation';
import type { RequestTarget } from './request-target';

export interface BackgroundRead {
  readonly principal: ErpPrincipal;
  readonly target: RequestTarget;
  readonly uri: ODataUri;
  readonly requestId: string;
  /** the client's request headers (Accept, Prefer …) by case-insensitive name */
  header(name: string): string | undefined;
}

export type LocalReader = (r: BackgroundRead) => Promise<ODataResponse>;

export function localReader(deps: { db: Database; limits: ODataLimits; naming?: Naming }): LocalReader {
  // answers under the operator's public names, like the client's own answer from the upstream
  const naming = deps.naming && !deps.naming.identity ? { naming: deps.naming } : {};
  const bus = createCommandBus(deps.db);
  return async (r) => {
    const ctx = {
      db: deps.db, scope: { tenantId: r.principal.tenantId }, principal: r.principal, serviceRoot: r.target.serviceRoot,
      resourcePath: r.target.path, rawQuery: r.target.rawQuery, limits: deps.limits, now: new Date(), bus,
      requireIfMatch: true, requestId: r.requestId, audit: () => undefined, ...naming,
    };
    try {
      return await handleODataOperation({ method: 'GET', header: r.header }, r.uri, ctx);
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      return { status: err.status, headers: { 'Content-Type': 'application/json' }, body: errorBody(err.code, err.message) };
    }
  };
}

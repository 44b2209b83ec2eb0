// What the gate's route handlers share (built once by create-legacy-gate.ts), and the per-request
// facts they act on.
import type { Request, Response } from 'express';
import type { LocalReader } from '../../legacy-compat/background-read';
import type { RequestTarget } from '../../legacy-compat/request-target';
import type { Logger } from '../observability/logger';
import type { ODataLimits } from '../odata/uri/limits';
import type { NameTables } from '../odata/naming/name-tables';
import type { ODataUri } from '../odata/uri/ast';
import type { ErpPrincipal } from '../security/principal';
import { ServiceUnavailableError } from '../errors/catalogue';
import type { TenantLegacySettings } from './legacy-settings';
import type { ShadowRunner } from './shadow-compare';
import type { UpstreamSide } from './upstream-side';

export interface GateParts {
  readonly upstream: UpstreamSide | undefined;
  readonly shadow: ShadowRunner;
  readonly readLocally: LocalReader | undefined;
  readonly limits: ODataLimits;
  /** the name mapping's tables (bodies and $batch part URLs use public names); undefined = canonical names */
  readonly tables: NameTables | undefined;
  readonly log: Logger;
}

export interface GateRequest {
  readonly req: Request;
  readonly res: Response;
  readonly uri: ODataUri;
  readonly target: RequestTarget;
  readonly principal: ErpPrincipal;
  readonly settings: TenantLegacySettings;
}

/** Upstream or shadow routing without LEGACY_UPSTREAM_URL is a misconfiguration: 503, never silently local. */
export function requireUpstream(parts: GateParts, what: string): UpstreamSide {
  if (parts.upstream) return parts.upstream;
  throw new ServiceUnavailableError(`${what} is routed to the legacy OData service for this tenant, but this gateway has no LEGACY_UPSTREAM_URL configured.`);
}

/** The resource path as the audit trail shows it: `Customers('10042')/Contacts` (decoded, no query). */
export function auditTarget(path: string): string {
  try {
    return decodeURIComponent(path.replace(/^\/+/, ''));
  } catch {
    return path;
  }
}

// Dual running beside the legacy RESTier service (issue #5): the settings an operator changes at
// run time and the evidence shadow mode collects. This file is the contract between the control
// plane (store, admin API, CLI, migration report) and the data plane (the /odata LegacyGate:
// forwarding, shadow comparison, lifecycle headers). Entity sets are named canonically — as in
// metadata/model.ts, whatever public names a name mapping gives them.

/** who answers an entity set of a tenant */
export type RouteMode = 'local' | 'upstream' | 'shadow';
export type Side = 'local' | 'upstream';

export interface RouteSetting {
  readonly entitySet: string;
  readonly mode: RouteMode;
  /** in `shadow`: the side whose answer the client gets (the other one is compared); otherwise the side that serves */
  readonly primary: Side;
}

/** the tenant's legacy /odata surface: `read-only` refuses writes (403 naming /api/erp), `off` refuses everything */
export type SurfaceState = 'read-write' | 'read-only' | 'off';

export interface SurfaceSetting {
  readonly state: SurfaceState;
  /** RFC 9745 Deprecation (ISO 8601 instant; sent as `@<epoch seconds>`) */
  readonly deprecation?: string;
  /** RFC 8594 Sunset (ISO 8601 instant; sent as an HTTP-date) */
  readonly sunset?: string;
  /** migration notes, sent as `Link: <url>; rel="deprecation"` (and rel="sunset" when a sunset is set) */
  readonly link?: string;
}

/** How the upstream authenticates us for this tenant: one header, its value unsealed only in memory. */
export interface UpstreamCredential {
  readonly header: string;
  readonly value: string;
}

/** Everything the gate needs for one tenant, read through a cache of at most 1 s. */
export interface TenantLegacySettings {
  /** every entity set of the model, explicit rows or the default mode (LEGACY_DEFAULT_MODE) */
  readonly routes: ReadonlyMap<string, RouteSetting>;
  readonly surface: SurfaceSetting;
  readonly credential: UpstreamCredential | undefined;
}

/** One shadow comparison: both answers normalised and compared. */
export interface ShadowComparison {
  readonly tenantId: string;
  readonly entitySet: string;
  readonly atMs: number;
  readonly requestId: string;
  /** method, path and query as the client sent them (below /odata), cut to 2 KiB */
  readonly request: string;
  readonly primary: Side;
  /** absent = both agreed */
  readonly difference?: {
    /** JSON Pointer of the first differing place, e.g. /value/3/Name */
    readonly path: string;
    /** JSON text of the primary's and the secondary's value there (cut to 1 KiB; "<absent>" when missing) */
    readonly primaryValue: string;
    readonly secondaryValue: string;
  };
}

export interface LegacyStore {
  /** cached ≤ 1 s; writes through this store invalidate the tenant at once (other instances within 1 s) */
  settingsFor(tenantId: string): Promise<TenantLegacySettings>;
  setRoute(tenantId: string, setting: RouteSetting): Promise<void>;
  listRoutes(tenantId?: string): Promise<ReadonlyArray<RouteSetting & { readonly tenantId: string }>>;
  setSurface(tenantId: string, setting: SurfaceSetting): Promise<void>;
  /** sealed with libsodium under the master key before it is stored */
  setUpstreamCredential(tenantId: string, credential: UpstreamCredential | undefined): Promise<void>;
  /** counts every comparison (per tenant, set and hour) and keeps the latest differences */
  recordComparison(c: ShadowComparison): Promise<void>;
}

// Row shapes of the legacy tables (migration 0008), shared by the one-statement files beside it.

export interface LegacyRouteRow {
  readonly tenant_id: string;
  readonly entity_set: string;
  readonly mode: string;
  readonly primary_side: string;
  readonly updated_at: string;
}

export interface LegacySurfaceRow {
  readonly tenant_id: string;
  readonly state: string;
  readonly deprecation: string | null;
  readonly sunset: string | null;
  readonly link: string | null;
  readonly updated_at: string;
}

export interface ShadowDifferenceRow {
  readonly tenant_id: string;
  readonly entity_set: string;
  readonly at: string;
  readonly at_ms: number;
  readonly request_id: string;
  readonly request: string;
  readonly primary_side: string;
  readonly first_path: string;
  readonly primary_value: string;
  readonly secondary_value: string;
}

// Row shapes of the security tables of migration 0002 (snake_case, ISO-ms-Z text timestamps).

export interface TenantRow {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
}

export interface ServiceAccountRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly name: string;
  /** JSON array of granted operations */
  readonly operations: string;
  readonly rate_limit_per_minute: number;
  readonly active: number;
  readonly created_at: string;
  readonly last_used_at: string | null;
}

export interface ApiKeyRow {
  readonly id: string;
  readonly account_id: string;
  readonly key_hash: string;
  readonly created_at: string;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
}

/** A platform admin key (migration 0003): hash only, like api_keys. */
export interface AdminKeyRow {
  readonly id: string;
  readonly name: string;
  readonly key_hash: string;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

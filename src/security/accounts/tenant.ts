// The public shape of a tenant and of a service account (never a key, secret or hash).

export interface Tenant {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface ServiceAccountSummary {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly operations: readonly string[];
  readonly rateLimitPerMinute: number;
  readonly active: boolean;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

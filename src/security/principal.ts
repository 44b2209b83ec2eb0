// Who is calling, as established by http/authenticate.ts. ERP principals are bound to one tenant;
// admin principals are platform-wide and never reach tenant data through /odata.

export interface ErpPrincipal {
  readonly kind: 'erp';
  readonly tenantId: string;
  readonly accountId: string;
  readonly operations: ReadonlySet<string>;
  readonly rateLimitPerMinute: number;
  /** id of the API key used (directly, or the key a bearer token was issued with) */
  readonly keyId?: string;
  /** how the caller authenticated: a key itself, or a bearer token issued for one */
  readonly via?: 'key' | 'token';
}

export interface AdminPrincipal {
  readonly kind: 'admin';
  /** id of the admin key used */
  readonly adminKeyId: string;
  readonly via?: 'key' | 'token';
}

export type Principal = ErpPrincipal | AdminPrincipal;

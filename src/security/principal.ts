// Who is calling, as established by http/authenticate.ts. ERP principals are bound to one tenant;
// admin principals are platform-wide and never reach tenant data through /odata.

export interface ErpPrincipal {
  readonly kind: 'erp';
  readonly tenantId: string;
  readonly accountId: string;
  readonly operations: ReadonlySet<string>;
  readonly rateLimitPerMinute: number;
}

export interface AdminPrincipal {
  readonly kind: 'admin';
  /** id of the admin key used */
  readonly adminKeyId: string;
}

export type Principal = ErpPrincipal | AdminPrincipal;

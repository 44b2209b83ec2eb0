// Who is calling, as established by http/authenticate.ts. ERP principals are bound to one tenant.

export interface ErpPrincipal {
  readonly kind: 'erp';
  readonly tenantId: string;
  readonly accountId: string;
  readonly operations: ReadonlySet<string>;
  readonly rateLimitPerMinute: number;
}

export type Principal = ErpPrincipal;

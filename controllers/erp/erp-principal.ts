// Every /api/erp route is for ERP service accounts only (an admin key has no tenant: 403) and
// needs its operation grants; the tenant scope of all its work comes from the principal alone.
import type { Response } from 'express';
import { ForbiddenError } from '../../src/errors/catalogue';
import { principalOf } from '../../src/http/request-context';
import { requireOperations } from '../../src/security/authorize';
import type { ErpPrincipal } from '../../src/security/principal';

export function erpPrincipal(res: Response, operations: readonly string[]): ErpPrincipal {
  const principal = principalOf(res);
  if (principal?.kind !== 'erp') throw new ForbiddenError('The ERP API is for ERP service accounts; admin keys have no tenant.');
  requireOperations(principal, operations);
  return principal;
}

/** The write scope of an ERP principal: its tenant, and the account events are attributed to. */
export const scopeOf = (p: ErpPrincipal) => ({ tenantId: p.tenantId, accountId: p.accountId });

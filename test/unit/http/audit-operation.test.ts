// The operation an audit row names when the handler reported none, derived from method and path.
import { describe, expect, it } from 'vitest';
import type { Request } from 'express';
import { deriveAuditInfo } from '../../../src/http/audit-operation';

const req = (method: string, originalUrl: string) => ({ method, originalUrl }) as Request;

describe('deriveAuditInfo', () => {
  it.each([
    ['GET', '/odata', 'odata.service-document', null],
    ['GET', '/odata/?$format=json', 'odata.service-document', null],
    ['GET', '/odata/$metadata?$format=json', 'odata.metadata', '$metadata'],
    ['POST', '/odata/$batch', 'odata.batch', '$batch'],
    ['GET', "/odata/Customers(%2710042%27)/Contacts?$top=1", 'customers.read', "Customers('10042')/Contacts"],
    ['PATCH', "/odata/PriceAgreements(CustomerID='1',ProductID='A')", 'prices.write', "PriceAgreements(CustomerID='1',ProductID='A')"],
    ['GET', '/odata/Orders', 'odata.request', 'Orders'],
    ['POST', '/api/admin/service-accounts', 'admin.service-accounts.create', '/api/admin/service-accounts'],
    ['GET', '/api/admin/service-accounts?tenant=acme', 'admin.service-accounts.list', '/api/admin/service-accounts'],
    ['GET', '/api/admin/service-accounts/sa_1', 'admin.service-accounts.read', '/api/admin/service-accounts/sa_1'],
    ['PATCH', '/api/admin/service-accounts/sa_1', 'admin.service-accounts.update', '/api/admin/service-accounts/sa_1'],
    ['DELETE', '/api/admin/service-accounts/sa_1', 'admin.service-accounts.delete', '/api/admin/service-accounts/sa_1'],
    ['POST', '/api/admin/service-accounts/sa_1/rotate', 'admin.service-accounts.rotate', '/api/admin/service-accounts/sa_1/rotate'],
    ['GET', '/api/admin/audit?tenant=acme', 'admin.audit.list', '/api/admin/audit'],
    ['POST', '/api/auth/token', 'auth.token', '/api/auth/token'],
    ['POST', '/api/erp/customers/sync', 'customers.write', '/api/erp/customers/sync'],
    ['GET', '/api/erp/usage/stats', 'usage.read', '/api/erp/usage/stats'],
    ['GET', '/metrics', 'metrics.read', '/metrics'],
  ])('%s %s → %s', (method, url, operation, target) => {
    expect(deriveAuditInfo(req(method, url))).toEqual({ operation, target });
  });
});

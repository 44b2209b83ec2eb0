// The operation and target an audit row names when the handler reported none (setAuditInfo):
// derived from the method and path, so failures (401 aside: no principal), 404s and routes that
// never report still leave a meaningful row — `odata.metadata`, `customers.read`,
// `admin.service-accounts.rotate`, `auth.token` …
import type { Request } from 'express';
import { entitySet } from '../../metadata';

export interface DerivedAuditInfo {
  readonly operation: string;
  readonly target: string | null;
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function odataInfo(method: string, rest: string): DerivedAuditInfo {
  const resource = rest.replace(/^\/+/, '');
  if (resource === '') return { operation: 'odata.service-document', target: null };
  if (resource.startsWith('$metadata')) return { operation: 'odata.metadata', target: '$metadata' };
  if (resource.startsWith('$batch')) return { operation: 'odata.batch', target: '$batch' };
  const set = entitySet(decoded(resource).replace(/[(/].*$/s, ''));
  const verb = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  return { operation: set ? `${set.operation}.${verb}` : 'odata.request', target: decoded(resource) };
}

const ADMIN_VERBS: Readonly<Record<string, string>> = { GET: 'read', HEAD: 'read', PATCH: 'update', PUT: 'replace', DELETE: 'delete', POST: 'create' };

/** `/api/admin/<resource>[/<id>[/<action>]]` → admin.<resource>.<list|create|read|update|delete|action>. */
function adminOperation(method: string, parts: readonly string[]): string {
  const [resource = 'root', id, action] = parts;
  if (action !== undefined) return `admin.${resource}.${action}`;
  if (id === undefined) return `admin.${resource}.${method === 'POST' ? 'create' : 'list'}`;
  return `admin.${resource}.${ADMIN_VERBS[method] ?? method.toLowerCase()}`;
}

// contract.md "ERP gateway API": the operation each route needs.
const ERP_OPERATIONS: Readonly<Record<string, string>> = {
  customers: 'customers.write', products: 'products.write', access: 'access.validate', usage: 'usage.read', events: 'events.read',
};

function apiOperation(method: string, parts: readonly string[]): string {
  const [area, ...rest] = parts;
  if (area === 'admin') return adminOperation(method, rest);
  if (area === 'auth') return 'auth.token';
  if (area === 'erp') return ERP_OPERATIONS[rest[0] ?? ''] ?? 'erp.request';
  return 'api.request';
}

export function deriveAuditInfo(req: Request): DerivedAuditInfo {
  const path = req.originalUrl.split('?', 1)[0] ?? '';
  if (path === '/odata' || path.startsWith('/odata/')) return odataInfo(req.method, path.slice('/odata'.length));
  const parts = path.split('/').filter((p) => p !== '').map(decoded);
  if (parts[0] === 'api') return { operation: apiOperation(req.method, parts.slice(1)), target: decoded(path) };
  if (parts[0] === 'metrics') return { operation: 'metrics.read', target: '/metrics' };
  return { operation: 'http.request', target: decoded(path) };
}

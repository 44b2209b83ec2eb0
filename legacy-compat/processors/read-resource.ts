// GET of an entity set, entity, navigation, property, $value or $count: authorize every set the
// URL touches, run the read engine, serialise, honour If-None-Match.
import type { ODataUri } from '../../src/odata/uri/ast';
import { executeRead } from '../../src/data/read/execute-read';
import { setsTouched } from '../../src/odata/query/sets-touched';
import { serializeForClient } from '../naming/serialize-read';
import { DEFAULT_FORMAT } from '../../src/odata/format/response-format';
import { requireOperations } from '../../src/security/authorize';
import { readOperation } from '../operations';
import { assertTextAcceptable, negotiateJson, parsePrefer } from '../negotiate';
import type { ODataRequestContext } from '../odata-context';
import type { ErpPrincipal } from '../../src/security/principal';
import { entitiesRead } from '../../src/odata/query/entities-read';
import type { AuditInfo } from '../../src/http/request-context';
import { entitySet } from '../../metadata';
import type { ODataOperation, ODataResponse } from '../odata-operation';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export type BaseContext = Omit<ODataRequestContext, 'format' | 'pageSize'> & {
  readonly principal: ErpPrincipal;
  /** reports what the operation did for the audit trail; later calls override earlier fields */
  readonly audit: (info: AuditInfo) => void;
};

/** The resource path as the audit trail shows it: `Customers('10042')/Contacts` (decoded, no query). */
function auditTarget(path: string): string {
  try {
    return decodeURIComponent(path.replace(/^\/+/, ''));
  } catch {
    return path;
  }
}

function isRaw(uri: ODataUri): boolean {
  const last = uri.segments[uri.segments.length - 1];
  return last?.kind === 'value' || last?.kind === 'count';
}

export async function readResource(op: ODataOperation, uri: ODataUri, base: BaseContext): Promise<ODataResponse> {
  const principal = base.principal;
  const first = uri.segments[0];
  // reported before authorization, so a 403 or 404 still names what was attempted
  if (first?.kind === 'identifier' && entitySet(first.name)) base.audit({ operation: readOperation(first.name), target: auditTarget(base.resourcePath), rowsRead: 0 });
  requireOperations(principal, setsTouched(uri).map(readOperation));
  const raw = isRaw(uri);
  if (raw) assertTextAcceptable(op.header('accept'));
  const format = raw ? DEFAULT_FORMAT : negotiateJson(op.header('accept'), uri.options.format);
  const prefer = parsePrefer(op.header('prefer'));
  const pageSize = Math.min(prefer.maxPageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const result = await executeRead(uri, { ...base, pageSize });
  const out = serializeForClient(result, uri.options, base, format);
  base.audit({ rowsRead: entitiesRead(result) });
  const headers: Record<string, string> = {};
  if (prefer.maxPageSize !== undefined) headers['Preference-Applied'] = `odata.maxpagesize=${pageSize}`;
  if (out.etag !== undefined) {
    headers.ETag = out.etag;
    const inm = op.header('if-none-match');
    if (inm !== undefined && inm.split(',').some((t) => t.trim() === out.etag || t.trim() === '*')) return { status: 304, headers };
  }
  if (out.contentType !== undefined) headers['Content-Type'] = out.contentType;
  return { status: out.status, headers, ...(out.body !== undefined ? { body: out.body } : {}) };
}

// GET of an entity set, entity, navigation, property, $value or $count: authorize every set the
// URL touches, run the read engine, serialise, honour If-None-Match.
import type { Request, Response } from 'express';
import type { ODataUri } from '../../src/odata/uri/ast';
import { executeRead } from '../../src/data/read/execute-read';
import { setsTouched } from '../../src/odata/query/sets-touched';
import { serializeRead } from '../../src/odata/format/write-response';
import { DEFAULT_FORMAT } from '../../src/odata/format/response-format';
import { requireOperations } from '../../src/security/authorize';
import { readOperation } from '../operations';
import { assertTextAcceptable, negotiateJson, parsePrefer } from '../negotiate';
import type { ODataRequestContext } from '../odata-context';
import type { ErpPrincipal } from '../../src/security/principal';
import { entitiesRead } from '../../src/odata/query/entities-read';
import { setAuditInfo } from '../../src/http/request-context';
import { entitySet } from '../../metadata';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export type BaseContext = Omit<ODataRequestContext, 'format' | 'pageSize'> & { readonly principal: ErpPrincipal };

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

export async function readResource(req: Request, res: Response, uri: ODataUri, base: BaseContext): Promise<void> {
  const principal = base.principal;
  const first = uri.segments[0];
  // reported before authorization, so a 403 or 404 still names what was attempted
  if (first?.kind === 'identifier' && entitySet(first.name)) setAuditInfo(res, { operation: readOperation(first.name), target: auditTarget(base.resourcePath), rowsRead: 0 });
  requireOperations(principal, setsTouched(uri).map(readOperation));
  const raw = isRaw(uri);
  if (raw) assertTextAcceptable(req.get('accept'));
  const format = raw ? DEFAULT_FORMAT : negotiateJson(req.get('accept'), uri.options.format);
  const prefer = parsePrefer(req.get('prefer'));
  const pageSize = Math.min(prefer.maxPageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const result = await executeRead(uri, { ...base, pageSize });
  const out = serializeRead(result, { serviceRoot: base.serviceRoot, format });
  setAuditInfo(res, { rowsRead: entitiesRead(result) });
  if (prefer.maxPageSize !== undefined) res.setHeader('Preference-Applied', `odata.maxpagesize=${pageSize}`);
  if (out.etag !== undefined) {
    res.setHeader('ETag', out.etag);
    const inm = req.get('if-none-match');
    if (inm !== undefined && inm.split(',').some((t) => t.trim() === out.etag || t.trim() === '*')) {
      res.status(304).end();
      return;
    }
  }
  if (out.contentType !== undefined) res.setHeader('Content-Type', out.contentType);
  res.status(out.status).end(out.body);
}

// Authorization of a request the legacy upstream will answer (issue #5): the same grants local
// dispatch would check — every set a read touches needs `.read`; a write needs `.write` on its target
// (and on the sets a DELETE cascades to, and on sets deep-inserted with a POST) plus `.read` on the
// sets it reads through — checked HERE, before anything leaves, because upstream has no grants.
import { navigation, navigationTarget, typeOfSet, type EntitySet } from '../../metadata';
import { isJsonObject, parseExactJson, type JsonValue } from '../edm/exact-json';
import { bindPath } from '../odata/query/bind-path';
import { setsTouched } from '../odata/query/sets-touched';
import type { ODataUri } from '../odata/uri/ast';
import { canonicalMember, type NameTables } from '../odata/naming/name-tables';
import { requireOperations } from '../security/authorize';
import type { ErpPrincipal } from '../security/principal';
import { readOperation, writeOperation } from '../../legacy-compat/operations';
import { setsWrittenByDelete } from '../../legacy-compat/to-command';

const READS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** A member name as the client wrote it (public, under a name mapping) → canonical. */
const canonicalName = (set: EntitySet, name: string, tables: NameTables | undefined): string =>
  (tables ? canonicalMember(tables, set.type, name) : undefined) ?? name;

/** Sets a POST body deep-inserts into (navigation properties given inline), recursively. */
function deepInsertSets(set: EntitySet, body: JsonValue | undefined, out: Set<string>, tables: NameTables | undefined, depth = 0): void {
  if (!isJsonObject(body) || depth > 8) return;
  for (const [name, value] of Object.entries(body)) {
    const nav = navigation(typeOfSet(set), canonicalName(set, name, tables));
    if (!nav) continue;
    const target = navigationTarget(set, nav);
    out.add(target.name);
    for (const item of Array.isArray(value) ? (value as readonly JsonValue[]) : [value]) deepInsertSets(target, item, out, tables, depth + 1);
  }
}

/** A forwarded request's body as JSON, when it is JSON (only deep inserts are looked for). */
export function parsedBody(body: Buffer | string | undefined): JsonValue | undefined {
  if (body === undefined || body.length === 0) return undefined;
  try {
    return parseExactJson(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    return undefined; // the upstream answers a malformed body itself; it can deep-insert nothing
  }
}

/** The grants `method` on `uri` needs; throws like local binding for unknown sets (404/400). */
export function grantsFor(method: string, uri: ODataUri, body?: JsonValue, tables?: NameTables): string[] {
  const touched = setsTouched(uri);
  if (READS.has(method)) return touched.map(readOperation);
  const target = bindPath(uri.segments).target;
  const writes = new Set(method === 'DELETE' ? setsWrittenByDelete(target) : [target.name]);
  if (method === 'POST') deepInsertSets(target, body, writes, tables);
  return [...[...writes].map(writeOperation), ...touched.filter((s) => !writes.has(s)).map(readOperation)];
}

export function authorizeForward(principal: ErpPrincipal, method: string, uri: ODataUri, body?: Buffer, tables?: NameTables): void {
  requireOperations(principal, grantsFor(method, uri, parsedBody(body), tables));
}

/** For `$1/Contacts` in a $batch: the set reached from `set` by the navigation names in `rest`. */
export function followNavigations(set: EntitySet, rest: string, tables?: NameTables): EntitySet[] {
  const reached = [set];
  let current = set;
  for (const segment of rest.split('/').filter((s) => s !== '')) {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(segment)?.[0] ?? '';
    const nav = navigation(typeOfSet(current), canonicalName(current, name, tables));
    if (!nav) break;
    current = navigationTarget(current, nav);
    reached.push(current);
  }
  return reached;
}


// Authorization of a $batch the legacy upstream will run (issue #5): each operation needs the grants
// it would need locally, checked before the batch leaves. `$<Content-ID>` URLs name an entity an
// earlier operation creates, so their set is that operation's target, followed along navigations.
import type { EntitySet } from '../../metadata';
import { BadRequestError } from '../errors/catalogue';
import { bindPath } from '../odata/query/bind-path';
import { parseODataUri } from '../odata/uri';
import type { NameTables } from '../odata/naming/name-tables';
import { toCanonicalUri } from '../odata/naming/rename-uri';
import type { ODataLimits } from '../odata/uri/limits';
import { requireOperations } from '../security/authorize';
import type { ErpPrincipal } from '../security/principal';
import type { BatchOperation, ParsedBatch } from '../../legacy-compat/batch/batch-request';
import { resolveOperationUrl } from '../../legacy-compat/batch/resolve-url';
import { readOperation, writeOperation } from '../../legacy-compat/operations';
import { followNavigations, grantsFor, parsedBody } from './forward-grants';

const NO_REFS: ReadonlyMap<string, string> = new Map();

export const batchOperations = (batch: ParsedBatch): BatchOperation[] =>
  batch.units.flatMap((u) => (u.kind === 'operation' ? [u.op] : u.ops));

/** Grants of `$1/Contacts`-style operations, and the set the operation addresses. */
function referenceGrants(op: BatchOperation, id: string, rest: string, produced: ReadonlyMap<string, EntitySet>, tables: NameTables | undefined): { grants: string[]; set: EntitySet } {
  const origin = produced.get(id);
  if (!origin) throw new BadRequestError(`$${id} does not reference an earlier operation of this batch.`);
  const reached = followNavigations(origin, rest.split('?')[0] ?? '', tables);
  const set = reached[reached.length - 1] ?? origin;
  const reads = op.method === 'GET' ? reached : reached.slice(0, -1);
  return { grants: [...(op.method === 'GET' ? [] : [writeOperation(set.name)]), ...reads.map((s) => readOperation(s.name))], set };
}

interface Scope {
  readonly serviceRoot: string;
  readonly limits: ODataLimits;
  /** the name mapping's tables (part URLs and bodies use public names); undefined = canonical names */
  readonly tables: NameTables | undefined;
}

function operationGrants(op: BatchOperation, scope: Scope, produced: ReadonlyMap<string, EntitySet>): { grants: string[]; set: EntitySet } {
  const ref = /^\$([^/?#]+)(.*)$/s.exec(op.url);
  if (ref) return referenceGrants(op, ref[1] ?? '', ref[2] ?? '', produced, scope.tables);
  const target = resolveOperationUrl(op.url, scope.serviceRoot, NO_REFS);
  const parsed = parseODataUri(target.path, target.rawQuery, scope.limits);
  const uri = scope.tables ? toCanonicalUri(scope.tables, parsed) : parsed;
  if (uri.segments[0]?.kind !== 'identifier') throw new BadRequestError(`Only entity resources can be addressed inside $batch (got ${JSON.stringify(op.url)}).`);
  const body = op.body === undefined ? undefined : 'json' in op.body ? op.body.json : parsedBody(op.body.text);
  return { grants: grantsFor(op.method, uri, body, scope.tables), set: bindPath(uri.segments).target };
}

/** 403 naming the first missing grant of any operation; 400 for URLs local dispatch would refuse too. */
export function authorizeBatch(principal: ErpPrincipal, batch: ParsedBatch, scope: Scope): void {
  const produced = new Map<string, EntitySet>();
  for (const op of batchOperations(batch)) {
    const { grants, set } = operationGrants(op, scope, produced);
    requireOperations(principal, grants);
    if (op.id !== undefined) produced.set(op.id, set);
  }
}

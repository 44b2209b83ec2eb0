// What a write URL addresses (URL Conventions §4): POST needs a collection — an entity set or a
// collection navigation of one entity; PATCH/PUT/DELETE need one entity. A key reached through
// navigation is resolved by the read engine on the write's transaction (another tenant's → 404).
import type { EntitySet } from '../metadata';
import type { Database } from '../src/data/db';
import { executeRead } from '../src/data/read/execute-read';
import { MethodNotAllowedError, NotImplementedError } from '../src/errors/catalogue';
import type { ModelKey } from '../src/edm/model-values';
import { bindPath } from '../src/odata/query/bind-path';
import type { BoundPath, PathStep } from '../src/odata/query/plan';
import type { ODataUri } from '../src/odata/uri/ast';
import type { BaseContext } from './processors/read-resource';
import type { ParentLink } from './to-command';

const ALLOW: Readonly<Record<BoundPath['kind'], string>> = {
  collection: 'GET, HEAD, POST',
  entity: 'GET, HEAD, PATCH, PUT, DELETE',
  property: 'GET, HEAD',
  count: 'GET, HEAD',
};

/** The bound path of a write; 405 (with Allow) when the method does not apply to what it addresses. */
export function writePath(uri: ODataUri, method: string): BoundPath {
  const path = bindPath(uri.segments);
  const wanted = method === 'POST' ? 'collection' : 'entity';
  if (path.kind === 'property' && method !== 'POST') {
    throw new NotImplementedError(`${method} of a single property is not supported; PATCH the entity instead.`);
  }
  if (path.kind !== wanted) throw new MethodNotAllowedError(`${method} is not allowed on this resource.`, { headers: { Allow: ALLOW[path.kind] } });
  return path;
}

export const keyOfStep = (step: PathStep | undefined): ModelKey | undefined =>
  step?.key ? Object.fromEntries(step.key.map((p) => [p.property, p.value])) : undefined;

/** The sets a write URL reads on its way to the target (each needs `.read`). */
export const pathSetsRead = (path: BoundPath): string[] => path.steps.slice(0, -1).map((s) => s.set.name);

/** For POST to `Customers('10042')/Contacts`: the navigation and the parent's key. */
export function parentLinkOf(path: BoundPath): ParentLink | undefined {
  const last = path.steps[path.steps.length - 1];
  if (path.steps.length < 2 || !last?.nav) return undefined;
  const key = keyOfStep(path.steps[path.steps.length - 2]);
  if (!key) throw new NotImplementedError(`POST through '${last.nav.name}' needs the parent addressed by its key; POST to ${last.set.name}.`);
  return { nav: last.nav, key };
}

/** 404 unless the entity the path leads through to the target exists (for the tenant). */
export async function assertParentExists(db: Database, ctx: BaseContext, uri: ODataUri): Promise<void> {
  await executeRead({ segments: uri.segments.slice(0, -1), options: {} }, { ...ctx, db, pageSize: 1 });
}

/** The key of the entity a PATCH/PUT/DELETE path addresses (read through navigation when needed). */
export async function entityKeyOf(db: Database, ctx: BaseContext, uri: ODataUri, path: BoundPath): Promise<{ set: EntitySet; key: ModelKey }> {
  const direct = path.steps.length === 1 ? keyOfStep(path.steps[0]) : undefined;
  if (direct) return { set: path.target, key: direct };
  const r = await executeRead({ segments: uri.segments, options: {} }, { ...ctx, db, pageSize: 1 });
  if (r.kind !== 'entity') throw new Error('write-target: an entity path did not read an entity');
  return { set: path.target, key: r.entity.key };
}

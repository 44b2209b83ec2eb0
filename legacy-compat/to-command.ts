// An OData write → a command (RESTier's ChangeSetItem): POST → CreateT (deep-inserted entities as
// related creates; POST to a collection navigation linked to its parent), PATCH/MERGE → UpdateT,
// PUT → ReplaceT, DELETE → DeleteT. `@odata.bind` URLs (JSON Format §8.5) become the foreign-key
// values they stand for, so commands never see OData syntax. Also lists every set a write touches.
import { navigationTarget, typeOfSet, type EntitySet, type NavigationProperty } from '../metadata';
import { BadRequestError, NotImplementedError } from '../src/errors/catalogue';
import { parseODataUri } from '../src/odata/uri';
import { bindPath } from '../src/odata/query/bind-path';
import { rawEquals } from '../src/edm/input-values';
import type { ModelKey } from '../src/edm/model-values';
import type { CommandMetadata } from '../src/commands/command';
import {
  createEntity, deleteEntity, replaceEntity, updateEntity,
  type CreateEntity, type CreateEntityData, type DeleteEntity, type ExpectedVersion, type ReplaceEntity, type UpdateEntity,
} from '../src/commands/entity/entity-commands';
import { linkToParent } from '../src/commands/entity/decide-create';
import { CASCADE_ON_DELETE } from '../src/commands/entity/entity-rules';
import type { EntityPayload } from './entity-payload';
import type { Naming } from '../src/edm/naming';
import { toCanonicalUri } from '../src/odata/naming/rename-uri';
import { publicMember } from '../src/odata/naming/name-tables';

/** Where bind URLs point: the service root, and the name mapping their names are written in (issue #5). */
export interface BindBase {
  readonly serviceRoot: string;
  readonly naming?: Naming;
}

/** A command and the entity sets it writes (each needs its `<set>.write` grant). */
export interface WriteCommand<C> {
  readonly command: C;
  readonly writes: readonly string[];
}

function relativeToService(url: string, serviceRoot: string): string {
  if (url.startsWith(`${serviceRoot}/`)) return url.slice(serviceRoot.length + 1);
  const rootPath = new URL(serviceRoot).pathname;
  if (url.startsWith(`${rootPath}/`)) return url.slice(rootPath.length + 1);
  if (/^[a-z][a-z0-9+.-]*:|^\/|\?/i.test(url)) throw new BadRequestError(`The bind URL ${url} does not address an entity of this service.`);
  return url;
}

/** The key of the one entity a bind URL addresses; 400 unless it is an entity of `target`. */
function boundKey(set: EntitySet, nav: NavigationProperty, target: EntitySet, url: string, base: BindBase): ModelKey {
  const parsed = parseODataUri(`/${relativeToService(url, base.serviceRoot)}`, '');
  const t = base.naming?.tables;
  const path = bindPath((t ? toCanonicalUri(t, parsed) : parsed).segments);
  const step = path.steps[0];
  if (path.kind !== 'entity' || path.steps.length !== 1 || step?.set !== target || !step.key) {
    const navName = t ? publicMember(t, set.type, nav.name) : nav.name;
    const setName = t?.sets.toPublic.get(target.name) ?? target.name;
    throw new BadRequestError(`${navName}@odata.bind must address one entity of ${setName}, e.g. ${setName}(…).`, { target: `${nav.name}@odata.bind` });
  }
  return Object.fromEntries(step.key.map((p) => [p.property, p.value]));
}

/** The payload's values with each bind turned into its foreign-key properties (a conflicting value is a 400). */
function valuesWithBinds(set: EntitySet, payload: EntityPayload, base: BindBase): Record<string, unknown> {
  const values: Record<string, unknown> = { ...payload.values };
  for (const { nav, url } of payload.binds) {
    const key = boundKey(set, nav, navigationTarget(set, nav), url, base);
    for (const pair of nav.on) {
      const v = key[pair.target];
      if (v === undefined) throw new Error(`to-command: bound key misses ${pair.target}`);
      if (pair.source in values && values[pair.source] !== null && !rawEquals(values[pair.source], v)) {
        throw new BadRequestError(`${pair.source} contradicts ${nav.name}@odata.bind.`, { target: pair.source });
      }
      values[pair.source] = v;
    }
  }
  return values;
}

function createData(set: EntitySet, payload: EntityPayload, base: BindBase, writes: Set<string>): CreateEntityData {
  writes.add(set.name);
  const related: Record<string, CreateEntityData[]> = {};
  for (const { nav, items } of payload.nested) {
    const target = navigationTarget(set, nav);
    related[nav.name] = [...(related[nav.name] ?? []), ...items.map((i) => createData(target, i, base, writes))];
  }
  const values = valuesWithBinds(set, payload, base);
  return Object.keys(related).length > 0 ? { values, related } : { values };
}

/** The parent a POST to a collection navigation links to: `Customers('10042')/Contacts`. */
export interface ParentLink {
  readonly nav: NavigationProperty;
  readonly key: ModelKey;
}

/** POST → CreateT. Through a navigation, the link to the parent is set (a different value in the body is a 400). */
export function toCreateCommand(set: EntitySet, payload: EntityPayload, base: BindBase, meta: Partial<CommandMetadata>, parent?: ParentLink): WriteCommand<CreateEntity> {
  const writes = new Set<string>();
  let data = createData(set, payload, base, writes);
  if (parent) {
    if (!parent.nav.on.every((p) => p.source in parent.key)) throw new NotImplementedError(`POST through '${parent.nav.name}' is not supported; POST to ${set.name}.`);
    data = linkToParent(parent.nav, parent.key, data);
  }
  return { command: createEntity(set.name, data, meta), writes: [...writes] };
}

/** PATCH/MERGE → UpdateT (merge), PUT → ReplaceT. */
export function toChangeCommand(
  method: 'PATCH' | 'PUT', set: EntitySet, key: ModelKey, payload: EntityPayload,
  expectedVersion: ExpectedVersion | undefined, base: BindBase, meta: Partial<CommandMetadata>,
): WriteCommand<UpdateEntity | ReplaceEntity> {
  const data = { key, values: valuesWithBinds(set, payload, base), ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
  return { command: method === 'PUT' ? replaceEntity(set.name, data, meta) : updateEntity(set.name, data, meta), writes: [set.name] };
}

/** The sets a DELETE of a `set` entity writes: the set and the sets its cascades delete from. */
export function setsWrittenByDelete(set: EntitySet): string[] {
  const cascades = (CASCADE_ON_DELETE[typeOfSet(set).name] ?? []).map((n) => set.bindings[n]).filter((s): s is string => s !== undefined);
  return [set.name, ...cascades];
}

/** DELETE → DeleteT. */
export function toDeleteCommand(set: EntitySet, key: ModelKey, expectedVersion: ExpectedVersion | undefined, meta: Partial<CommandMetadata>): WriteCommand<DeleteEntity> {
  const data = { key, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
  return { command: deleteEntity(set.name, data, meta), writes: setsWrittenByDelete(set) };
}

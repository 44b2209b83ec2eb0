// $select and $search binding for one level. $select lists structural properties and complex
// members (Address/City); selecting a navigation property only affects links, so it is accepted.
import {
  MODEL, complexType, navigation, property, qualified, typeOfSet, type EntitySet, type StructuralProperty,
} from '../../../metadata';
import { BadRequestError, UnknownPropertyError } from '../../errors/catalogue';
import type { SearchExpr, SelectItem } from '../uri/ast';
import type { BoundSearch } from './bound-expr';
import type { SelectedProperty } from './plan';

const unknown = (typeName: string, name: string) =>
  new UnknownPropertyError(`The type '${qualified(typeName)}' has no property '${name}'`, { target: name });

function addPath(set: EntitySet, path: readonly string[], picked: Map<string, Set<string> | 'all'>): void {
  const type = typeOfSet(set);
  const [name = '', member, ...more] = path;
  const p: StructuralProperty | undefined = property(type, name);
  if (!p) {
    if (navigation(type, name) && member === undefined) return;
    throw unknown(type.name, name);
  }
  if (member === undefined) return void picked.set(name, 'all');
  if (p.kind !== 'complex' || more.length > 0) throw new BadRequestError(`'${path.join('/')}' is not a property path of '${qualified(type.name)}'`);
  if (!complexType(p.type)?.properties.some((m) => m.name === member)) throw unknown(p.type, member);
  const current = picked.get(name);
  if (current === 'all') return;
  picked.set(name, (current ?? new Set<string>()).add(member));
}

/** The properties that go into EntityRecord.values, in model order (all when there is no $select). */
// The selection without $select (most requests), built once per set and frozen: shared by every
// plan, and its key strings are cached by identity downstream (data/read/selection-key.ts).
const ALL_PROPERTIES = new Map<EntitySet, readonly SelectedProperty[]>();

function allProperties(set: EntitySet): readonly SelectedProperty[] {
  let all = ALL_PROPERTIES.get(set);
  if (!all) {
    all = Object.freeze(typeOfSet(set).properties.map((p) => Object.freeze({ name: p.name })));
    ALL_PROPERTIES.set(set, all);
  }
  return all;
}

export function bindSelect(set: EntitySet, items: readonly SelectItem[] | undefined): readonly SelectedProperty[] {
  const type = typeOfSet(set);
  if (!items || items.length === 0 || items.some((i) => i.kind === 'star')) return allProperties(set);
  const picked = new Map<string, Set<string> | 'all'>();
  for (const item of items) if (item.kind === 'path') addPath(set, item.path, picked);
  return type.properties.flatMap((p): SelectedProperty[] => {
    const pick = picked.get(p.name);
    if (pick === undefined) return [];
    if (pick === 'all' || p.kind !== 'complex') return [{ name: p.name }];
    const members = (complexType(p.type)?.properties ?? []).map((m) => m.name).filter((m) => pick.has(m));
    return [{ name: p.name, members }];
  });
}

/** Sets whose type declares searchable properties (Customers, Products). */
const searchableSets = (): string =>
  MODEL.entitySets.filter((s) => (typeOfSet(s).searchable ?? []).length > 0).map((s) => s.name).join(', ');

/** Binds $search to the model's `searchable` properties; other sets answer 400. */
export function bindSearch(set: EntitySet, expr: SearchExpr, alias: string): BoundSearch {
  const searchable = typeOfSet(set).searchable ?? [];
  if (searchable.length === 0) {
    throw new BadRequestError(`$search is not supported on '${set.name}'; it is supported on ${searchableSets()}`);
  }
  return { expr, paths: searchable.map((p) => p.split('/')), alias, set };
}

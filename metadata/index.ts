// Lookups over the model, built once at module load so request paths never scan arrays.
import { MODEL } from './model';
import type { ComplexType, EntitySet, EntityType, EnumType, NavigationProperty, StructuralProperty } from './edm-types';

export { MODEL };
export type * from './edm-types';

const setsByName = new Map(MODEL.entitySets.map((s) => [s.name, s]));
const typesByName = new Map(MODEL.entityTypes.map((t) => [t.name, t]));
const enumsByName = new Map(MODEL.enumTypes.map((t) => [t.name, t]));
const complexByName = new Map(MODEL.complexTypes.map((t) => [t.name, t]));
const propsByType = new Map(
  MODEL.entityTypes.map((t) => [t.name, new Map(t.properties.map((p) => [p.name, p] as const))] as const),
);
const navsByType = new Map(
  MODEL.entityTypes.map((t) => [t.name, new Map(t.navigation.map((n) => [n.name, n] as const))] as const),
);

/** Fully-qualified name of a type of this model, e.g. `B2X.Erp.Customer`. */
export const qualified = (name: string): string => `${MODEL.namespace}.${name}`;

export const entitySet = (name: string): EntitySet | undefined => setsByName.get(name);
export const entityType = (name: string): EntityType | undefined => typesByName.get(name);
export const enumType = (name: string): EnumType | undefined => enumsByName.get(name);
export const complexType = (name: string): ComplexType | undefined => complexByName.get(name);

/** The entity type of a set; throws only on a model bug (sets and types are defined together). */
export function typeOfSet(set: EntitySet): EntityType {
  const t = typesByName.get(set.type);
  if (!t) throw new Error(`model: set ${set.name} has unknown type ${set.type}`);
  return t;
}
export const property = (type: EntityType, name: string): StructuralProperty | undefined =>
  propsByType.get(type.name)?.get(name);
export const navigation = (type: EntityType, name: string): NavigationProperty | undefined =>
  navsByType.get(type.name)?.get(name);

/** The entity set a navigation property of `set` leads to. */
export function navigationTarget(set: EntitySet, nav: NavigationProperty): EntitySet {
  const targetName = set.bindings[nav.name];
  const target = targetName === undefined ? undefined : setsByName.get(targetName);
  if (!target) throw new Error(`model: no binding for ${set.name}/${nav.name}`);
  return target;
}

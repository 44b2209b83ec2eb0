// The rules the generic entity handler applies beyond property validation. Most come from the
// model (references = single-valued navigations with a constraint, dependents = collection
// navigations); the entity-specific ones (cascades, case-insensitive uniqueness) are listed here.
import { navigationTarget, property, typeOfSet, type EntitySet, type EntityType, type NavigationProperty } from '../../../metadata';
import type { ModelKey, ModelRecord } from '../../edm/model-values';

/** Collection navigations whose entities are deleted with the entity, each with its own event. */
export const CASCADE_ON_DELETE: Readonly<Record<string, readonly string[]>> = { Customer: ['Contacts', 'PriceAgreements'] };

/** Properties unique per tenant ignoring case (model.md: contact e-mail). */
export const UNIQUE_IGNORING_CASE: Readonly<Record<string, readonly string[]>> = { Contact: ['Email'] };

/** Computed timestamps the handler sets (model.md): on create, and on every change. */
export const CREATED_AT = 'CreatedAt';
export const MODIFIED_AT = 'ModifiedAt';

export interface Reference {
  readonly nav: string;
  readonly set: EntitySet;
  readonly key: ModelKey;
  /** the referring properties, e.g. ['CustomerID'] */
  readonly properties: readonly string[];
}

/** Single-valued navigations whose constraint properties live on this type (Contact.Customer → CustomerID). */
export function referenceNavigations(type: EntityType): NavigationProperty[] {
  return type.navigation.filter((n) => !n.collection && n.on.every((p) => property(type, p.source) !== undefined));
}

/**
 * The entities `record` refers to. With `onlyChanged`, only references whose properties it sets
 * (a PATCH re-checks what it changes). A reference with a null property refers to nothing.
 */
export function referencesOf(set: EntitySet, record: ModelRecord, onlyChanged = false): Reference[] {
  const type = typeOfSet(set);
  return referenceNavigations(type).flatMap((nav) => {
    if (onlyChanged && !nav.on.some((p) => p.source in record)) return [];
    const key: Record<string, string | number> = {};
    for (const p of nav.on) {
      const v = record[p.source];
      if (typeof v !== 'string' && typeof v !== 'number') return [];
      key[p.target] = v;
    }
    return [{ nav: nav.name, set: navigationTarget(set, nav), key, properties: nav.on.map((p) => p.source) }];
  });
}

/** Collection navigations to check on delete: cascaded ones, and the ones whose dependents block it. */
export function dependentNavigations(type: EntityType): { readonly cascade: NavigationProperty[]; readonly blocking: NavigationProperty[] } {
  const cascade = new Set(CASCADE_ON_DELETE[type.name] ?? []);
  const collections = type.navigation.filter((n) => n.collection);
  return { cascade: collections.filter((n) => cascade.has(n.name)), blocking: collections.filter((n) => !cascade.has(n.name)) };
}

/** `where` for the dependents of `record` over a collection navigation: target FK = this entity's key. */
export function dependentsWhere(nav: NavigationProperty, record: ModelRecord): ModelRecord {
  return Object.fromEntries(nav.on.map((p) => [p.target, record[p.source] ?? null]));
}

// The names a response is written with: the canonical model's, or the public names of the
// operator's name mapping (issue #5). Both are built once; the canonical one is the default, so
// an unmapped gateway writes responses exactly as before and allocates nothing extra.
import type { EntitySet } from '../../../metadata';
import { entityPath, keyPredicate } from './entity-id';
import { buildTypeWriters, typeWriter, type PropertyWriter, type TypeWriter, type WriterNames } from './type-writers';

type Key = Readonly<Record<string, string | number>>;

export interface ServedNames {
  setName(set: EntitySet): string;
  /** `Customers('10042')` — @odata.id, editLink, navigationLink, Location */
  entityPath(set: EntitySet, key: Key): string;
  typeWriter(type: string): TypeWriter;
  propertyWriter(type: string, property: string): PropertyWriter | undefined;
  /** the context URL fragment of a property read (`Customers('10042')/Address/City`) in served names */
  propertyContextPath(set: EntitySet, canonical: string): string;
}

export const CANONICAL_NAMES: ServedNames = {
  setName: (set) => set.name,
  entityPath,
  typeWriter,
  propertyWriter: (type, property) => typeWriter(type).properties.get(property),
  propertyContextPath: (_set, canonical) => canonical,
};

/** Served names from a mapping: `names` for types and members, `setName` for entity sets. */
export function mappedNames(names: WriterNames, setName: (canonical: string) => string, complexTypeOf: (type: string, property: string) => string | undefined): ServedNames {
  const writers = buildTypeWriters(names);
  const writer = (type: string): TypeWriter => {
    const w = writers.get(type);
    if (!w) throw new Error(`model: unknown entity type ${type}`);
    return w;
  };
  const publicKey = (type: string, key: Key): Key =>
    Object.fromEntries(Object.entries(key).map(([k, v]) => [names.member(type, k), v]));
  // `(CustomerID='1',ProductID='A')` → `(KundenNr='1',ProductID='A')`; a single key names no property
  const publicPredicate = (type: string, predicate: string): string => {
    const pairs = predicate.slice(1, -1).split(',');
    if (pairs.length === 1 && !predicate.includes('=')) return predicate;
    return `(${pairs.map((p) => `${names.member(type, p.slice(0, p.indexOf('=')))}${p.slice(p.indexOf('='))}`).join(',')})`;
  };
  return {
    setName: (set) => setName(set.name),
    entityPath: (set, key) => `${setName(set.name)}${keyPredicate(publicKey(set.type, key))}`,
    typeWriter: writer,
    propertyWriter: (type, property) => writer(type).properties.get(property),
    propertyContextPath: (set, canonical) => {
      // `Set(key)/Prop[/Member]`, written by keyPredicateText: '/', ',' and '=' inside key values are percent-encoded
      const slash = canonical.indexOf('/');
      const predicate = canonical.slice(set.name.length, slash);
      const [head = '', ...rest] = canonical.slice(slash + 1).split('/');
      const complex = complexTypeOf(set.type, head);
      const path = [names.member(set.type, head), ...rest.map((m) => (complex ? names.member(complex, m) : m))];
      return `${setName(set.name)}${publicPredicate(set.type, predicate)}/${path.join('/')}`;
    },
  };
}

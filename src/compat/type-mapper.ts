// Translates legacy qualified type names into the names they should have on our side, so a
// renamed namespace or type is reported once (where it is renamed) and not again at every
// property, navigation and set that refers to it.
import type { TypeRef } from './normal-model';

export interface TypeMapper {
  /** the name `legacyName` is expected to have in our document */
  expected(legacyName: string): string;
  expectedRef(ref: TypeRef): TypeRef;
  /** records a matched pair (renamed types) */
  pair(legacyName: string, oursName: string): void;
}

export function typeMapper(namespaces: ReadonlyMap<string, string>): TypeMapper {
  const pairs = new Map<string, string>();
  const expected = (name: string): string => {
    const hit = pairs.get(name);
    if (hit !== undefined) return hit;
    const dot = name.lastIndexOf('.');
    const ns = namespaces.get(name.slice(0, dot));
    return dot < 0 || ns === undefined ? name : `${ns}${name.slice(dot)}`;
  };
  return {
    expected,
    expectedRef: (ref) => ({ type: expected(ref.type), collection: ref.collection }),
    pair: (l, o) => { pairs.set(l, o); },
  };
}

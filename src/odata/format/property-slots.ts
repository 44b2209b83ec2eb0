// The selected properties of an entity list compiled once per (type writer, selection, notation):
// keys pre-escaped with quotes and colon, the full-metadata @odata.type annotation folded in, and
// the value's writer chosen for the notation — so writing an entity does no per-property lookups.
import type { EntityRecord } from '../query/read-result';
import type { TypeWriter } from './type-writers';
import type { ValueText } from './value-texts';

export interface PropertySlot {
  /** canonical property name, the key into EntityRecord.values */
  readonly name: string;
  /** `"Name":` in served names, with a leading comma unless it is the first slot */
  readonly key: string;
  /** `"CreditLimit@odata.type":"#Decimal","CreditLimit":` (full metadata, value not null), comma as `key` */
  readonly annotatedKey: string;
  readonly text: ValueText;
}

// Selections are bounded by the client's distinct $select lists; past this many per type, start over.
const MAX_SELECTIONS_PER_TYPE = 200;
const CACHE = new WeakMap<TypeWriter, Map<string, readonly PropertySlot[]>>();

function compile(tw: TypeWriter, names: readonly string[], ieee754: boolean): PropertySlot[] {
  return names.map((name, i) => {
    const w = tw.properties.get(name);
    if (!w) throw new Error(`serializer: ${tw.type.name} has no property ${name}`);
    const comma = i === 0 ? '' : ',';
    return { name, key: comma + w.jsonKey, annotatedKey: comma + w.typeAnnotation + w.jsonKey, text: ieee754 ? w.texts.ieee754 : w.texts.plain };
  });
}

/**
 * The slots for `e`'s selected properties, in its order. Every record of one list comes from the
 * same level shape (src/data/read/level-shape.ts), so the list's first record stands for all.
 */
export function propertySlots(tw: TypeWriter, e: EntityRecord, ieee754: boolean): readonly PropertySlot[] {
  let byKey = CACHE.get(tw);
  if (!byKey) {
    byKey = new Map();
    CACHE.set(tw, byKey);
  }
  const names = Object.keys(e.values);
  const key = `${ieee754 ? '1' : '0'}${names.join(',')}`;
  let slots = byKey.get(key);
  if (!slots) {
    if (byKey.size >= MAX_SELECTIONS_PER_TYPE) byKey.clear();
    slots = compile(tw, names, ieee754);
    byKey.set(key, slots);
  }
  return slots;
}

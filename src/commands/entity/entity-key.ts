// Keys of model records: extraction, comparison and the canonical predicate text events carry
// (OData URL Conventions §4.3.1 literal syntax, unencoded): ('10042'), (7), (CustomerID='1',ProductID='A-1').
import type { EntityType } from '../../../metadata';
import type { ModelKey, ModelRecord } from '../../edm/model-values';

/** The key of a record of `type`; throws on a model bug (a validated record always has its key). */
export function keyOf(type: EntityType, record: ModelRecord): ModelKey {
  const out: Record<string, string | number> = {};
  for (const k of type.key) {
    const v = record[k];
    if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`entity-key: ${type.name}.${k} is ${String(v)}`);
    out[k] = v;
  }
  return out;
}

export function sameKey(a: ModelKey, b: ModelKey): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((k) => a[k] === b[k]);
}

const literal = (v: string | number): string => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

export function keyText(key: ModelKey): string {
  const entries = Object.entries(key);
  const [only] = entries;
  if (entries.length === 1 && only) return `(${literal(only[1])})`;
  return `(${entries.map(([k, v]) => `${k}=${literal(v)}`).join(',')})`;
}

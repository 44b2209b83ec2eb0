// Entity and complex types: pair them (registering renames with the type mapper before any
// member is compared, so references to a renamed type are not reported again), then compare
// each pair's shape, key, properties and navigation properties.
import { compareNavigation } from './compare-navigation';
import { compareProperties } from './compare-properties';
import type { Report } from './finding';
import { matchNames, type Pair } from './match-names';
import type { NormalModel, NStructuredType } from './normal-model';
import type { TypeMapper } from './type-mapper';

type TypePair = Pair<NStructuredType, NStructuredType>;

const samePropertyNames = (a: NStructuredType, b: NStructuredType): boolean =>
  [...a.properties.keys()].sort().join() === [...b.properties.keys()].sort().join();

const prefix = (t: NStructuredType): 'entity-type' | 'complex-type' => (t.kind === 'EntityType' ? 'entity-type' : 'complex-type');

/** Pairs the structured types, reports missing/renamed/added ones and records renames in `types`. */
export function matchStructuredTypes(legacy: NormalModel, ours: NormalModel, types: TypeMapper, report: Report): TypePair[] {
  const matched = matchNames([...legacy.structuredTypes.values()], [...ours.structuredTypes.values()], {
    expected: (t) => types.expected(t.qname),
    nameOf: (t) => t.qname,
    similar: samePropertyNames,
  });
  for (const { legacy: t, ours: o, renamed } of matched.pairs) {
    const path = `${t.kind} ${t.qname}`;
    if (o === undefined) report({ kind: `${prefix(t)}-missing`, path, legacy: t.qname, ours: null });
    else if (renamed) report({ kind: `${prefix(t)}-renamed`, path, legacy: t.qname, ours: o.qname });
    if (o !== undefined) types.pair(t.qname, o.qname);
  }
  for (const o of matched.extra) report({ kind: `${prefix(o)}-added`, path: `${o.kind} ${o.qname}`, legacy: null, ours: o.qname });
  return matched.pairs.filter((p) => p.ours !== undefined);
}

function compareShape(path: string, l: NStructuredType, o: NStructuredType, types: TypeMapper, report: Report): void {
  if (l.kind !== o.kind) report({ kind: 'type-kind-changed', path, legacy: l.kind, ours: o.kind });
  const base = l.baseType === undefined ? undefined : types.expected(l.baseType);
  if (base !== o.baseType) report({ kind: 'base-type-changed', path, legacy: l.baseType ?? null, ours: o.baseType ?? null });
  if (l.openType && !o.openType) report({ kind: 'open-type-removed', path, legacy: 'OpenType=true', ours: 'OpenType=false' });
  if (!l.openType && o.openType) report({ kind: 'open-type-added', path, legacy: 'OpenType=false', ours: 'OpenType=true' });
  if (l.hasStream && !o.hasStream) report({ kind: 'has-stream-removed', path, legacy: 'HasStream=true', ours: 'HasStream=false' });
  if (!l.hasStream && o.hasStream) report({ kind: 'has-stream-added', path, legacy: 'HasStream=false', ours: 'HasStream=true' });
  if (l.key.join(',') !== o.key.join(',')) report({ kind: 'key-changed', path: `${path}/Key`, legacy: l.key.join(', ') || null, ours: o.key.join(', ') || null });
}

/** Compares every matched pair of structured types. */
export function compareStructuredTypes(pairs: readonly TypePair[], types: TypeMapper, report: Report): void {
  for (const { legacy: l, ours: o } of pairs) {
    if (o === undefined) continue;
    const path = `${l.kind} ${l.qname}`;
    compareShape(path, l, o, types, report);
    compareProperties(path, l, o, types, report);
    compareNavigation(path, l, o, types, report);
  }
}

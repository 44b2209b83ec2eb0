// Structural properties of one matched type pair: presence (or rename), type, nullability,
// facets, Core.Computed and other annotations.
import { compareFacets } from './compare-facets';
import type { Report } from './finding';
import { matchNames } from './match-names';
import { typeText, type NProperty, type NStructuredType } from './normal-model';
import type { TypeMapper } from './type-mapper';

const HANDLED_TERMS = new Set(['Org.OData.Core.V1.Computed', 'Org.OData.Core.V1.OptimisticConcurrency']);

function compareAnnotations(path: string, l: NProperty, o: NProperty, report: Report): void {
  if (l.computed !== o.computed) report({ kind: 'computed-changed', path, legacy: String(l.computed), ours: String(o.computed) });
  for (const t of [...l.terms].filter((t) => !HANDLED_TERMS.has(t) && !o.terms.has(t))) report({ kind: 'annotation-missing', path, legacy: t, ours: null });
  for (const t of [...o.terms].filter((t) => !HANDLED_TERMS.has(t) && !l.terms.has(t))) report({ kind: 'annotation-added', path, legacy: null, ours: t });
}

function compareProperty(path: string, l: NProperty, o: NProperty, isKey: boolean, types: TypeMapper, report: Report): void {
  const expected = typeText(types.expectedRef(l));
  if (expected !== typeText(o)) {
    report({ kind: isKey ? 'key-type-changed' : 'property-type-changed', path, legacy: typeText(l), ours: typeText(o) });
  } else {
    compareFacets(path, l, o, report);
  }
  if (!l.nullable && o.nullable) report({ kind: 'nullable-on-ours', path, legacy: 'Nullable=false', ours: 'Nullable=true' });
  if (l.nullable && !o.nullable) report({ kind: 'not-nullable-on-ours', path, legacy: 'Nullable=true', ours: 'Nullable=false' });
  compareAnnotations(path, l, o, report);
}

/** Compares the properties of a matched type pair; `at` is the type's path. */
export function compareProperties(at: string, l: NStructuredType, o: NStructuredType, types: TypeMapper, report: Report): void {
  const matched = matchNames([...l.properties.values()], [...o.properties.values()], {
    expected: (p) => p.name,
    nameOf: (p) => p.name,
    similar: (a, b) => typeText(types.expectedRef(a)) === typeText(b) && a.maxLength === b.maxLength && a.nullable === b.nullable,
  });
  for (const { legacy: p, ours, renamed } of matched.pairs) {
    const path = `${at}/Property ${p.name}`;
    if (ours === undefined) { report({ kind: 'property-missing', path, legacy: typeText(p), ours: null }); continue; }
    if (renamed) report({ kind: 'property-renamed', path, legacy: p.name, ours: ours.name });
    compareProperty(path, p, ours, l.key.includes(p.name), types, report);
  }
  for (const p of matched.extra) report({ kind: 'property-added', path: `${at}/Property ${p.name}`, legacy: null, ours: typeText(p) });
}

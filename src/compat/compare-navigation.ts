// Navigation properties of one matched entity type pair: presence, target type and
// multiplicity, nullability, partner, referential constraints, containment.
import type { Report } from './finding';
import { matchNames } from './match-names';
import { typeText, type NNavigation, type NStructuredType } from './normal-model';
import type { TypeMapper } from './type-mapper';

const pairText = (c: NNavigation['constraints']): string => c.map((x) => `${x.property}→${x.referenced}`).sort().join(', ');

function comparePartner(path: string, l: NNavigation, o: NNavigation, report: Report): void {
  if (l.partner !== undefined && o.partner === undefined) report({ kind: 'partner-missing', path, legacy: l.partner, ours: null });
  else if (l.partner === undefined && o.partner !== undefined) report({ kind: 'partner-added', path, legacy: null, ours: o.partner });
  else if (l.partner !== o.partner) report({ kind: 'partner-changed', path, legacy: l.partner ?? null, ours: o.partner ?? null });
}

function compareConstraints(path: string, l: NNavigation, o: NNavigation, report: Report): void {
  const lt = pairText(l.constraints);
  const ot = pairText(o.constraints);
  if (lt === ot) return;
  const kind = ot === '' ? 'referential-constraint-missing' : lt === '' ? 'referential-constraint-added' : 'referential-constraint-changed';
  report({ kind, path, legacy: lt || null, ours: ot || null });
}

function compareOne(path: string, l: NNavigation, o: NNavigation, types: TypeMapper, report: Report): void {
  if (typeText(types.expectedRef(l)) !== typeText(o)) report({ kind: 'navigation-type-changed', path, legacy: typeText(l), ours: typeText(o) });
  if (!l.nullable && o.nullable) report({ kind: 'navigation-nullable-on-ours', path, legacy: 'Nullable=false', ours: 'Nullable=true' });
  if (l.nullable && !o.nullable && !o.collection) report({ kind: 'navigation-not-nullable-on-ours', path, legacy: 'Nullable=true', ours: 'Nullable=false' });
  if (l.containsTarget !== o.containsTarget) report({ kind: 'contains-target-changed', path, legacy: String(l.containsTarget), ours: String(o.containsTarget) });
  comparePartner(path, l, o, report);
  compareConstraints(path, l, o, report);
}

/** Compares the navigation properties of a matched type pair; `at` is the type's path. */
export function compareNavigation(at: string, l: NStructuredType, o: NStructuredType, types: TypeMapper, report: Report): void {
  const matched = matchNames([...l.navigation.values()], [...o.navigation.values()], {
    expected: (n) => n.name,
    nameOf: (n) => n.name,
    similar: (a, b) => typeText(types.expectedRef(a)) === typeText(b),
  });
  for (const { legacy: n, ours, renamed } of matched.pairs) {
    const path = `${at}/NavigationProperty ${n.name}`;
    if (ours === undefined) { report({ kind: 'navigation-missing', path, legacy: typeText(n), ours: null }); continue; }
    if (renamed) report({ kind: 'navigation-renamed', path, legacy: n.name, ours: ours.name });
    compareOne(path, n, ours, types, report);
  }
  for (const n of matched.extra) report({ kind: 'navigation-added', path: `${at}/NavigationProperty ${n.name}`, legacy: null, ours: typeText(n) });
}

// Entity sets and singletons of the containers: presence (or rename), entity type, navigation
// property bindings and concurrency tokens (the properties the ETag is computed from).
import type { Report } from './finding';
import { matchNames } from './match-names';
import type { NEntitySet, NormalModel } from './normal-model';
import type { TypeMapper } from './type-mapper';

// A binding target is `Set` or `[Ns.]Container/Set` (CSDL §13.4.2); compare by the set name.
const setName = (target: string): string => target.slice(target.lastIndexOf('/') + 1);

function compareBindings(path: string, l: NEntitySet, o: NEntitySet, sets: ReadonlyMap<string, string>, report: Report): void {
  for (const [nav, target] of l.bindings) {
    const at = `${path}/NavigationPropertyBinding ${nav}`;
    const mine = o.bindings.get(nav);
    const expected = sets.get(setName(target)) ?? setName(target);
    if (mine === undefined) report({ kind: 'binding-missing', path: at, legacy: target, ours: null });
    else if (setName(mine) !== expected) report({ kind: 'binding-target-changed', path: at, legacy: target, ours: mine });
  }
  for (const [nav, target] of o.bindings) {
    if (!l.bindings.has(nav)) report({ kind: 'binding-added', path: `${path}/NavigationPropertyBinding ${nav}`, legacy: null, ours: target });
  }
}

function compareConcurrency(path: string, l: NEntitySet, o: NEntitySet, report: Report): void {
  const lt = l.concurrency.join(', ');
  const ot = o.concurrency.join(', ');
  if (lt === ot) return;
  const kind = ot === '' ? 'concurrency-token-missing' : lt === '' ? 'concurrency-token-added' : 'concurrency-token-changed';
  report({ kind, path: `${path}/OptimisticConcurrency`, legacy: lt || null, ours: ot || null });
}

const prefix = (s: NEntitySet): 'entity-set' | 'singleton' => (s.kind === 'EntitySet' ? 'entity-set' : 'singleton');

/** Compares the entity sets and singletons of both containers. */
export function compareEntitySets(legacy: NormalModel, ours: NormalModel, types: TypeMapper, report: Report): void {
  const matched = matchNames([...(legacy.container?.sets.values() ?? [])], [...(ours.container?.sets.values() ?? [])], {
    expected: (s) => s.name,
    nameOf: (s) => s.name,
    similar: (a, b) => a.kind === b.kind && types.expected(a.entityType) === b.entityType,
  });
  const renamedSets = new Map(matched.pairs.filter((p) => p.ours !== undefined).map((p) => [p.legacy.name, p.ours?.name ?? '']));
  for (const { legacy: l, ours: o, renamed } of matched.pairs) {
    const path = `${l.kind} ${l.name}`;
    if (o === undefined) { report({ kind: `${prefix(l)}-missing`, path, legacy: l.entityType, ours: null }); continue; }
    if (renamed) report({ kind: `${prefix(l)}-renamed`, path, legacy: l.name, ours: o.name });
    if (types.expected(l.entityType) !== o.entityType) report({ kind: 'entity-set-type-changed', path, legacy: l.entityType, ours: o.entityType });
    compareBindings(path, l, o, renamedSets, report);
    compareConcurrency(path, l, o, report);
  }
  for (const o of matched.extra) report({ kind: `${prefix(o)}-added`, path: `${o.kind} ${o.name}`, legacy: null, ours: o.entityType });
}

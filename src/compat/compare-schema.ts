// Document-level comparison: EDMX version, which legacy namespace corresponds to which of ours
// (a renamed namespace is reported here, once), and the entity container's name and namespace.
import { show, type Report } from './finding';
import type { NormalModel } from './normal-model';

const simpleNamesIn = (m: NormalModel, ns: string): Set<string> => new Set(
  [...m.structuredTypes.keys(), ...m.enumTypes.keys()].filter((q) => q.startsWith(`${ns}.`)).map((q) => q.slice(ns.length + 1)),
);

// A renamed namespace is recognised by the type names it shares with one of ours (or, with
// exactly one namespace left on each side, by elimination).
function counterpart(legacy: NormalModel, ours: NormalModel, ns: string, free: readonly string[]): string | undefined {
  if (free.length === 1 && legacy.namespaces.filter((l) => !ours.namespaces.includes(l)).length === 1) return free[0];
  const mine = simpleNamesIn(legacy, ns);
  const scored = free.map((o) => ({ o, n: [...simpleNamesIn(ours, o)].filter((t) => mine.has(t)).length })).filter((s) => s.n > 0);
  return scored.sort((a, b) => b.n - a.n)[0]?.o;
}

/** Compares namespaces; returns legacy namespace → our namespace for every legacy one matched. */
export function compareNamespaces(legacy: NormalModel, ours: NormalModel, report: Report): Map<string, string> {
  const map = new Map<string, string>();
  for (const ns of legacy.namespaces.filter((n) => ours.namespaces.includes(n))) map.set(ns, ns);
  for (const ns of legacy.namespaces.filter((n) => !map.has(n))) {
    const free = ours.namespaces.filter((o) => ![...map.values()].includes(o));
    const hit = counterpart(legacy, ours, ns, free);
    if (hit !== undefined) map.set(ns, hit);
    report({ kind: hit === undefined ? 'namespace-missing' : 'namespace-renamed', path: `Schema ${ns}`, legacy: ns, ours: hit ?? null });
  }
  const used = new Set(map.values());
  for (const ns of ours.namespaces.filter((o) => !used.has(o))) report({ kind: 'namespace-added', path: `Schema ${ns}`, legacy: null, ours: ns });
  if (legacy.version !== ours.version) report({ kind: 'edmx-version-changed', path: 'Edmx', legacy: show(legacy.version), ours: show(ours.version) });
  return map;
}

/** Compares the entity containers' names and namespaces. */
export function compareContainer(legacy: NormalModel, ours: NormalModel, report: Report): void {
  const l = legacy.container;
  const o = ours.container;
  if (l === undefined) return;
  const path = `EntityContainer ${l.name}`;
  if (o === undefined) return report({ kind: 'container-missing', path, legacy: l.name, ours: null });
  if (l.name !== o.name) report({ kind: 'container-renamed', path, legacy: l.name, ours: o.name });
  if (l.namespace !== o.namespace) report({ kind: 'container-namespace-changed', path, legacy: l.namespace, ours: o.namespace });
}

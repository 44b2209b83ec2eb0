// Enum types: presence (or rename), underlying type, IsFlags and every member's name and value.
// Payloads carry member names, so any member the other side lacks can fail a request or a read.
import type { Report } from './finding';
import { matchNames } from './match-names';
import type { NEnumType, NormalModel } from './normal-model';
import type { TypeMapper } from './type-mapper';

function compareMembers(path: string, l: NEnumType, o: NEnumType, report: Report): void {
  for (const [name, value] of l.members) {
    const mine = o.members.get(name);
    const at = `${path}/Member ${name}`;
    if (mine === undefined) report({ kind: 'enum-member-missing', path: at, legacy: value, ours: null });
    else if (mine !== value) report({ kind: 'enum-member-value-changed', path: at, legacy: value, ours: mine });
  }
  for (const [name, value] of o.members) {
    if (!l.members.has(name)) report({ kind: 'enum-member-added', path: `${path}/Member ${name}`, legacy: null, ours: value });
  }
}

/** Pairs and compares enum types; records renames in `types`. */
export function compareEnumTypes(legacy: NormalModel, ours: NormalModel, types: TypeMapper, report: Report): void {
  const memberNames = (e: NEnumType) => [...e.members.keys()].sort().join();
  const matched = matchNames([...legacy.enumTypes.values()], [...ours.enumTypes.values()], {
    expected: (e) => types.expected(e.qname),
    nameOf: (e) => e.qname,
    similar: (a, b) => memberNames(a) === memberNames(b),
  });
  for (const { legacy: l, ours: o, renamed } of matched.pairs) {
    const path = `EnumType ${l.qname}`;
    if (o === undefined) { report({ kind: 'enum-type-missing', path, legacy: l.qname, ours: null }); continue; }
    if (renamed) report({ kind: 'enum-type-renamed', path, legacy: l.qname, ours: o.qname });
    types.pair(l.qname, o.qname);
    if (l.underlying !== o.underlying) report({ kind: 'enum-underlying-type-changed', path, legacy: l.underlying, ours: o.underlying });
    if (l.isFlags !== o.isFlags) report({ kind: 'enum-flags-changed', path, legacy: String(l.isFlags), ours: String(o.isFlags) });
    compareMembers(path, l, o, report);
  }
  for (const o of matched.extra) report({ kind: 'enum-type-added', path: `EnumType ${o.qname}`, legacy: null, ours: o.qname });
}

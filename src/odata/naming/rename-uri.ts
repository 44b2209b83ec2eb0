// A parsed URL, public → canonical names (issue #5), before anything binds it: entity sets,
// navigation and structural properties on the path, key names of composite keys, and the names
// in $filter, $orderby, $select and $expand (nested options relative to the expanded type).
// Unknown public names are refused with the binder's own errors (unknown-name.ts).
import { entitySet, type EntitySet } from '../../../metadata';
import type { ExpandItem, KeyPredicate, ODataUri, PathSegment, QueryOptions, SelectItem } from '../uri/ast';
import { memberStep, renamePath, type PathPosition } from './member-step';
import { canonicalMember, type NameTables } from './name-tables';
import { renameExpr, type ExprScope } from './rename-expr';
import { unknownMember, unknownSet } from './unknown-name';

function renameKey(t: NameTables, type: string, key: KeyPredicate): KeyPredicate {
  if (key.kind === 'single') return key;
  return {
    kind: 'named',
    pairs: key.pairs.map((p) => {
      const name = canonicalMember(t, type, p.name);
      if (name === undefined) throw unknownMember(t, type, p.name);
      return { ...p, name };
    }),
  };
}

type Identifier = Extract<PathSegment, { kind: 'identifier' }>;

function withKey(seg: Identifier, name: string, t: NameTables, type: string | undefined): Identifier {
  return { kind: 'identifier', name, ...(seg.key ? { key: type ? renameKey(t, type, seg.key) : seg.key } : {}) };
}

function rootSegment(t: NameTables, seg: Identifier): { seg: Identifier; set: EntitySet } {
  const name = t.sets.toCanonical.get(seg.name);
  const set = name === undefined ? undefined : entitySet(name);
  if (!set) throw unknownSet(seg.name);
  return { seg: withKey(seg, set.name, t, set.type), set };
}

/** The path renamed, and the entity type its query options apply to (the last entity set reached). */
function renameSegments(t: NameTables, segments: readonly PathSegment[]): { segments: PathSegment[]; optionsType?: string } {
  const [first, ...rest] = segments;
  if (first?.kind !== 'identifier') return { segments: [...segments] };
  const root = rootSegment(t, first);
  const out: PathSegment[] = [root.seg];
  let at: PathPosition = { kind: 'entity', type: root.set.type };
  let optionsType = root.set.type;
  for (const seg of rest) {
    if (seg.kind !== 'identifier') {
      out.push(seg);
      continue;
    }
    const step = memberStep(t, at, seg.name);
    out.push(withKey(seg, step.name, t, step.navigationTarget));
    if (step.navigationTarget !== undefined) optionsType = step.navigationTarget;
    at = step.next;
  }
  return { segments: out, optionsType };
}

function renameSelect(t: NameTables, type: string, item: SelectItem): SelectItem {
  return item.kind === 'star' ? item : { kind: 'path', path: renamePath(t, { kind: 'entity', type }, item.path).path };
}

function renameExpand(t: NameTables, type: string, item: ExpandItem): ExpandItem {
  const { path, end } = renamePath(t, { kind: 'entity', type }, item.path);
  // `*` expands every navigation: its nested options name members of several types, left as written
  const options = end.kind === 'entity' ? renameOptions(t, end.type, item.options) : item.options;
  return { ...item, path, options };
}

/** Query options of a level whose rows are of canonical entity type `type`. */
export function renameOptions(t: NameTables, type: string, o: QueryOptions): QueryOptions {
  const scope: ExprScope = { root: { kind: 'entity', type }, variables: new Map() };
  return {
    ...o,
    ...(o.filter ? { filter: renameExpr(t, o.filter, scope) } : {}),
    ...(o.orderby ? { orderby: o.orderby.map((i) => ({ ...i, expr: renameExpr(t, i.expr, scope) })) } : {}),
    ...(o.select ? { select: o.select.map((i) => renameSelect(t, type, i)) } : {}),
    ...(o.expand ? { expand: o.expand.map((i) => renameExpand(t, type, i)) } : {}),
  };
}

/** `uri` with every public name replaced by its canonical name. */
export function toCanonicalUri(t: NameTables, uri: ODataUri): ODataUri {
  const { segments, optionsType } = renameSegments(t, uri.segments);
  return { segments, options: optionsType === undefined ? uri.options : renameOptions(t, optionsType, uri.options) };
}


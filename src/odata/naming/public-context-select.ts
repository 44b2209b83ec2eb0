// The select/expand clause of a context URL in public names (issue #5): the canonical $select and
// $expand paths of a read written back with the names the client used (the reverse of rename-uri).
import { complexType, entityType, navigation, property } from '../../../metadata';
import { contextSelect } from '../query/context-select';
import type { ExpandItem, QueryOptions, SelectItem } from '../uri/ast';
import { publicMember, type NameTables } from './name-tables';

/** Canonical `path` from entity type `type` in public names; steps past a leaf are kept. */
function publicPath(t: NameTables, type: string | undefined, path: readonly string[]): { path: string[]; end?: string } {
  let at = type;
  let complex: string | undefined;
  const out = path.map((name) => {
    if (complex !== undefined) return publicMember(t, complex, name);
    if (at === undefined) return name;
    const owner = at;
    const et = entityType(owner);
    const nav = et ? navigation(et, name) : undefined;
    const p = et ? property(et, name) : undefined;
    at = nav?.target;
    complex = p?.kind === 'complex' && complexType(p.type) ? p.type : undefined;
    return publicMember(t, owner, name);
  });
  return { path: out, ...(at !== undefined ? { end: at } : {}) };
}

const publicSelect = (t: NameTables, type: string, s: SelectItem): SelectItem =>
  s.kind === 'star' ? s : { kind: 'path', path: publicPath(t, type, s.path).path };

function publicExpand(t: NameTables, type: string, e: ExpandItem): ExpandItem {
  const { path, end } = publicPath(t, type, e.path);
  return { ...e, path, options: end === undefined ? e.options : publicSelectExpand(t, end, e.options) };
}

function publicSelectExpand(t: NameTables, type: string, o: QueryOptions): QueryOptions {
  return {
    ...(o.select ? { select: o.select.map((s) => publicSelect(t, type, s)) } : {}),
    ...(o.expand ? { expand: o.expand.map((e) => publicExpand(t, type, e)) } : {}),
  };
}

/** contextSelect(o) in public names, for a level of canonical entity type `type`. */
export function publicContextSelect(t: NameTables, type: string, o: QueryOptions): string | undefined {
  return contextSelect(publicSelectExpand(t, type, o));
}

// Resolves alias-qualified names (`Self.Customer`, `Core.Computed`) to namespace-qualified ones.
// CSDL §3.3: an alias may replace its namespace anywhere a qualified name is expected.
import type { CsdlDocument } from './parse-csdl';
import type { TypeRef } from './normal-model';

const CORE = 'Org.OData.Core.V1';

export interface NameResolver {
  /** `Self.Customer` → `B2X.Erp.Customer`; unknown prefixes are kept as written */
  qualified(name: string): string;
  /** `Collection(Self.Address)` → {type: 'B2X.Erp.Address', collection: true} */
  typeRef(text: string): TypeRef;
  /** an annotation target path, every segment's qualifier resolved */
  target(path: string): string;
}

// EdmLib documents use `Core.` without declaring the alias often enough that a reader of real
// legacy documents must accept it; a declared alias `Core` still wins.
function aliasesOf(doc: CsdlDocument): Map<string, string> {
  const aliases = new Map<string, string>([['Core', CORE]]);
  for (const node of [...doc.includes, ...doc.schemas]) {
    const ns = node.attrs.Namespace;
    const alias = node.attrs.Alias;
    if (ns !== undefined && alias !== undefined && alias !== '') aliases.set(alias, ns);
  }
  return aliases;
}

export function nameResolver(doc: CsdlDocument): NameResolver {
  const aliases = aliasesOf(doc);
  const qualified = (name: string): string => {
    const dot = name.lastIndexOf('.');
    if (dot < 0) return name;
    const ns = aliases.get(name.slice(0, dot));
    return ns === undefined ? name : `${ns}${name.slice(dot)}`;
  };
  const typeRef = (text: string): TypeRef => {
    const m = /^Collection\((.*)\)$/.exec(text.trim());
    return m ? { type: qualified((m[1] ?? '').trim()), collection: true } : { type: qualified(text.trim()), collection: false };
  };
  const target = (path: string): string => path.split('/').map((seg) => {
    const open = seg.indexOf('(');
    if (open < 0) return qualified(seg);
    // operation overload targets: `Self.Fn(Self.Customer)`
    const args = seg.slice(open + 1, -1).split(',').map((a) => { const t = typeRef(a); return t.collection ? `Collection(${t.type})` : t.type; });
    return `${qualified(seg.slice(0, open))}(${args.join(',')})`;
  }).join('/');
  return { qualified, typeRef, target };
}

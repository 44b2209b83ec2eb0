// Functions and actions (bound and unbound) and the container's operation imports: everything
// the legacy side offers must exist on ours with the same kind, parameters and return type.
import type { Report } from './finding';
import { typeText, type NOperation, type NormalModel } from './normal-model';
import type { TypeMapper } from './type-mapper';

const signature = (o: NOperation, types?: TypeMapper): string => {
  const t = (ref: { type: string; collection: boolean }) => typeText(types ? types.expectedRef(ref) : ref);
  const params = o.parameters.map((p) => `${p.name}: ${t(p)}`).join(', ');
  return `(${params})${o.returnType ? ` → ${t(o.returnType)}` : ''}`;
};

function expectedKey(o: NOperation, types: TypeMapper): string {
  return `${types.expected(o.qname)}(${o.binding ? typeText(types.expectedRef(o.binding)) : ''})`;
}

function compareOperationList(legacy: NormalModel, ours: NormalModel, types: TypeMapper, report: Report): void {
  const seen = new Set<string>();
  for (const l of legacy.operations.values()) {
    const key = expectedKey(l, types);
    const o = ours.operations.get(key);
    const path = `${l.kind} ${l.key}`;
    if (o === undefined) { report({ kind: 'operation-missing', path, legacy: signature(l), ours: null }); continue; }
    seen.add(key);
    if (l.kind !== o.kind) report({ kind: 'operation-kind-changed', path, legacy: l.kind, ours: o.kind });
    if (signature(l, types) !== signature(o)) report({ kind: 'operation-signature-changed', path, legacy: signature(l), ours: signature(o) });
  }
  for (const o of ours.operations.values()) {
    if (!seen.has(o.key)) report({ kind: 'operation-added', path: `${o.kind} ${o.key}`, legacy: null, ours: signature(o) });
  }
}

function compareImports(legacy: NormalModel, ours: NormalModel, types: TypeMapper, report: Report): void {
  const mine = ours.container?.imports ?? new Map();
  for (const l of legacy.container?.imports.values() ?? []) {
    const o = mine.get(l.name);
    const path = `${l.kind} ${l.name}`;
    if (o === undefined) report({ kind: 'operation-import-missing', path, legacy: l.operation, ours: null });
    else if (types.expected(l.operation) !== o.operation || l.kind !== o.kind) report({ kind: 'operation-import-changed', path, legacy: l.operation, ours: o.operation });
  }
  for (const o of mine.values()) {
    if (!legacy.container?.imports.has(o.name)) report({ kind: 'operation-import-added', path: `${o.kind} ${o.name}`, legacy: null, ours: o.operation });
  }
}

/** Compares operations and operation imports. */
export function compareOperations(legacy: NormalModel, ours: NormalModel, types: TypeMapper, report: Report): void {
  compareOperationList(legacy, ours, types, report);
  compareImports(legacy, ours, types, report);
}

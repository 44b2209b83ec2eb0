// Before a change set runs, the entities its PATCH/PUT/DELETE operations address by key
// (`Products('A-1')`) are loaded in one query per set (commands/preloaded-rows.ts) instead of one
// per operation. Only a hint: anything unusual — a `$1` reference, a navigation path, a URL that
// does not parse, a set without the write grant — is left to the operation itself, which then
// reads its entity as before and answers exactly as it would have.
import type { UnitOfWork } from '../../src/commands/bus';
import type { EntityRef } from '../../src/commands/entity/entity-commands';
import { bindPath } from '../../src/odata/query/bind-path';
import { parseODataUri } from '../../src/odata/uri';
import type { OperationContext } from '../handle-operation';
import { writeOperation } from '../operations';
import { keyOfStep } from '../write-target';
import type { BatchOperation } from './batch-request';
import { resolveOperationUrl } from './resolve-url';

const CHANGES: ReadonlySet<string> = new Set(['PATCH', 'MERGE', 'PUT', 'DELETE']);
const NO_REFERENCES: ReadonlyMap<string, string> = new Map();

function targetOf(op: BatchOperation, base: OperationContext): EntityRef | undefined {
  if (!CHANGES.has(op.method) || op.url.startsWith('$')) return undefined;
  try {
    const target = resolveOperationUrl(op.url, base.serviceRoot, NO_REFERENCES);
    const path = bindPath(parseODataUri(target.path, target.rawQuery, base.limits).segments);
    const step = path.steps[0];
    const key = path.kind === 'entity' && path.steps.length === 1 ? keyOfStep(step) : undefined;
    if (!key || !base.principal.operations.has(writeOperation(path.target.name))) return undefined;
    return { set: path.target.name, key };
  } catch {
    return undefined; // the operation reports its own error when it runs
  }
}

/** Preloads the entities `ops` change by key, when there are several (one is read as before). */
export async function preloadTargets(ops: readonly BatchOperation[], base: OperationContext, uow: UnitOfWork): Promise<void> {
  const refs = ops.map((op) => targetOf(op, base)).filter((r): r is EntityRef => r !== undefined);
  if (refs.length > 1) await uow.preload(refs);
}

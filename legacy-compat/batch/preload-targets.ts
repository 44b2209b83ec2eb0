// Before a change set runs, the entities its PATCH/PUT/DELETE operations address by key
// (`Products('A-1')`) are loaded in one query per set (commands/preloaded-rows.ts) instead of one
// per operation. Only a hint: anything unusual — a `$1` reference, a navigation path, a URL that
// does not parse, a set without the write grant — is left to the operation itself, which then
// reads its entity as before and answers exactly as it would have.
import type { UnitOfWork } from '../../src/commands/bus';
import type { EntityRef } from '../../src/commands/entity/entity-commands';
import { bindPath } from '../../src/odata/query/bind-path';
import type { OperationContext } from '../handle-operation';
import { writeOperation } from '../operations';
import { keyOfStep } from '../write-target';
import type { BatchOperation } from './batch-request';
import { parseOperationTarget, type ParsedTarget, type ParsedTargets } from './operation-target';

const CHANGES: ReadonlySet<string> = new Set(['PATCH', 'MERGE', 'PUT', 'DELETE']);
const NO_REFERENCES: ReadonlyMap<string, string> = new Map();

/** The URL parsed, or undefined for a `$<id>` reference or a URL that does not parse. */
function parseAhead(op: BatchOperation, base: OperationContext): ParsedTarget | undefined {
  if (op.url.startsWith('$')) return undefined;
  try {
    return parseOperationTarget(op, base, NO_REFERENCES);
  } catch {
    return undefined; // the operation reports its own error when it runs
  }
}

function entityRefOf(op: BatchOperation, parsed: ParsedTarget, base: OperationContext): EntityRef | undefined {
  if (!CHANGES.has(op.method)) return undefined;
  try {
    const path = bindPath(parsed.uri.segments);
    const key = path.kind === 'entity' && path.steps.length === 1 ? keyOfStep(path.steps[0]) : undefined;
    if (!key || !base.principal.operations.has(writeOperation(path.target.name))) return undefined;
    return { set: path.target.name, key };
  } catch {
    return undefined;
  }
}

/**
 * Parses the URLs of `ops` once (the operations run on these parses) and preloads the entities
 * they change by key, when there are several (one is read as before).
 */
export async function preloadTargets(ops: readonly BatchOperation[], base: OperationContext, uow: UnitOfWork): Promise<ParsedTargets> {
  const parsed = new Map<BatchOperation, ParsedTarget>();
  const refs: EntityRef[] = [];
  for (const op of ops) {
    const p = parseAhead(op, base);
    if (p === undefined) continue;
    parsed.set(op, p);
    const ref = entityRefOf(op, p, base);
    if (ref) refs.push(ref);
  }
  if (refs.length > 1) await uow.preload(refs);
  return parsed;
}

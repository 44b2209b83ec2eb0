// Executes a parsed $batch IN ORDER (Protocol §11.7.2): single operations each on their own,
// every change set / atomicity group in ONE unit of work — all its writes commit, or none and the
// change set answers with the one failure (§11.7.4). Without Prefer odata.continue-on-error
// (§8.2.8.3) processing stops after the first failure; dependsOn on a failure → 424 (JSON §19.1).
import type { UnitOfWork } from '../../src/commands/bus';
import { FailedDependencyError } from '../../src/errors/catalogue';
import type { OperationContext } from '../handle-operation';
import type { ODataResponse } from '../odata-operation';
import type { ResponseText } from '../../src/odata/format/text-chunks';
import type { BatchOperation, BatchUnit } from './batch-request';
import { errorResponse } from './error-response';
import { executeOperation } from './execute-operation';
import type { ParsedTargets } from './operation-target';
import { preloadTargets } from './preload-targets';
import { ResponseBudget, responseTooLarge } from './response-budget';

export interface OperationOutcome {
  readonly op: BatchOperation;
  readonly response: ODataResponse;
}

export type UnitOutcome =
  | { readonly kind: 'operation'; readonly outcome: OperationOutcome }
  | { readonly kind: 'changeSet'; readonly id?: string; readonly ok: true; readonly outcomes: readonly OperationOutcome[] }
  | { readonly kind: 'changeSet'; readonly id?: string; readonly ok: false; readonly failure: OperationOutcome };

export interface BatchOutcome {
  readonly units: readonly UnitOutcome[];
  /** audit totals over the operations that took effect */
  readonly rowsRead: number;
  readonly rowsWritten: number;
}

export interface RunBatchOptions {
  /** the batch request's context; each operation gets its own path, audit sink and unit of work */
  readonly base: OperationContext;
  readonly continueOnError: boolean;
  /** errors that are bugs of ours (answered as 500 in-body) */
  readonly onBug: (err: unknown) => void;
}

interface RunState {
  /** `$<id>` → URL, for operations that succeeded (change sets: once committed) */
  readonly refs: Map<string, string>;
  /** ids of failed operations and atomicity groups, for dependsOn */
  readonly failed: Set<string>;
  rowsRead: number;
  rowsWritten: number;
}

function assertDependencies(op: BatchOperation, failed: ReadonlySet<string>): void {
  const dep = op.dependsOn.find((d) => failed.has(d));
  if (dep !== undefined) throw new FailedDependencyError(`Not executed: this request depends on ${dep}, which failed.`, { target: dep });
}

async function runSingle(op: BatchOperation, opts: RunBatchOptions, state: RunState): Promise<UnitOutcome> {
  try {
    assertDependencies(op, state.failed);
    const done = await executeOperation(op, opts.base, state.refs);
    state.rowsRead += done.audit.rowsRead ?? 0;
    state.rowsWritten += done.audit.rowsWritten ?? 0;
    if (op.id !== undefined) state.refs.set(op.id, done.reference);
    return { kind: 'operation', outcome: { op, response: done.response } };
  } catch (err) {
    if (op.id !== undefined) state.failed.add(op.id);
    return { kind: 'operation', outcome: { op, response: errorResponse(err, opts.onBug) } };
  }
}

/** Runs the change set's operations on `uow`; any error escapes and rolls the whole unit back. */
async function runMembers(
  ops: readonly BatchOperation[], parsed: ParsedTargets, uow: UnitOfWork, opts: RunBatchOptions, state: RunState, refs: Map<string, string>, current: { op?: BatchOperation },
) {
  const outcomes: OperationOutcome[] = [];
  let rowsWritten = 0;
  for (const op of ops) {
    current.op = op;
    assertDependencies(op, state.failed);
    const done = await executeOperation(op, opts.base, refs, uow, parsed.get(op));
    if (op.id !== undefined) refs.set(op.id, done.reference);
    rowsWritten += done.audit.rowsWritten ?? 0;
    outcomes.push({ op, response: done.response });
  }
  return { outcomes, rowsWritten };
}

async function runChangeSet(unit: Extract<BatchUnit, { kind: 'changeSet' }>, opts: RunBatchOptions, state: RunState): Promise<UnitOutcome> {
  const refs = new Map(state.refs);
  const current: { op?: BatchOperation } = {};
  const scope = { tenantId: opts.base.scope.tenantId, accountId: opts.base.principal.accountId };
  const id = unit.id !== undefined ? { id: unit.id } : {};
  try {
    const { result } = await opts.base.bus.withUnitOfWork(scope, async (uow) => {
      const parsed = await preloadTargets(unit.ops, opts.base, uow);
      return runMembers(unit.ops, parsed, uow, opts, state, refs, current);
    });
    for (const [k, v] of refs) state.refs.set(k, v);
    state.rowsWritten += result.rowsWritten;
    return { kind: 'changeSet', ...id, ok: true, outcomes: result.outcomes };
  } catch (err) {
    for (const op of unit.ops) if (op.id !== undefined) state.failed.add(op.id);
    if (unit.id !== undefined) state.failed.add(unit.id);
    const op = current.op ?? unit.ops[0];
    if (!op) throw err;
    return { kind: 'changeSet', ...id, ok: false, failure: { op, response: errorResponse(err, opts.onBug) } };
  }
}

const failed = (u: UnitOutcome): boolean => (u.kind === 'operation' ? u.outcome.response.status >= 400 : !u.ok);

/** The unit answered with LimitExceeded, not executed (its ids count as failed for dependsOn). */
function refused(unit: BatchUnit, opts: RunBatchOptions, state: RunState, budget: ResponseBudget): UnitOutcome {
  const ops = unit.kind === 'operation' ? [unit.op] : unit.ops;
  for (const op of ops) if (op.id !== undefined) state.failed.add(op.id);
  const response = errorResponse(responseTooLarge(budget.limit), opts.onBug);
  if (unit.kind === 'operation') return { kind: 'operation', outcome: { op: unit.op, response } };
  if (unit.id !== undefined) state.failed.add(unit.id);
  const id = unit.id !== undefined ? { id: unit.id } : {};
  return { kind: 'changeSet', ...id, ok: false, failure: { op: unit.ops[0] as BatchOperation, response } };
}

const bodiesOf = (u: UnitOutcome): Array<ResponseText | undefined> =>
  u.kind === 'operation' ? [u.outcome.response.body] : u.ok ? u.outcomes.map((o) => o.response.body) : [u.failure.response.body];

/** Runs one unit within the response budget (response-budget.ts). */
async function runWithin(unit: BatchUnit, opts: RunBatchOptions, state: RunState, budget: ResponseBudget): Promise<UnitOutcome> {
  if (budget.exhausted) return refused(unit, opts, state, budget);
  const outcome = unit.kind === 'operation' ? await runSingle(unit.op, opts, state) : await runChangeSet(unit, opts, state);
  let fits = true;
  for (const body of bodiesOf(outcome)) fits = budget.charge(body) && fits;
  if (fits || unit.kind !== 'operation' || !ResponseBudget.isRead(unit.op)) return outcome;
  return refused(unit, opts, state, budget);
}

/** Runs the units in order; stops after the first failure unless continue-on-error was asked for. */
export async function runBatch(units: readonly BatchUnit[], opts: RunBatchOptions): Promise<BatchOutcome> {
  const state: RunState = { refs: new Map(), failed: new Set(), rowsRead: 0, rowsWritten: 0 };
  const budget = new ResponseBudget(opts.base.limits.maxBatchResponseChars);
  const out: UnitOutcome[] = [];
  for (const unit of units) {
    const outcome = await runWithin(unit, opts, state, budget);
    out.push(outcome);
    if (failed(outcome) && !opts.continueOnError) break;
  }
  return { units: out, rowsRead: state.rowsRead, rowsWritten: state.rowsWritten };
}

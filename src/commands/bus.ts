// The command bus: the only way anything writes tenant tables. Each dispatch runs in ONE database
// transaction scoped to one tenant; several commands can share one (a $batch change set, a bulk
// sync) through dispatchAll or withUnitOfWork. Any error rolls back state, events and outbox alike.
import type { Database } from '../data/db';
import { asConcurrencyConflict } from '../data/write/constraint-error';
import { takeWriteLock } from '../data/write/write-statements';
import type { Command, DomainEvent } from './command';
import { handlerFor } from './handlers';
import { openUnitOfWork, type Attempted, type CommandResult, type UnitOfWork, type WriteScope } from './unit-of-work';

export interface Dispatched<T> {
  readonly result: T;
  /** every event the work caused, in order, as committed */
  readonly events: readonly DomainEvent[];
}

export interface CommandBus {
  /** Runs one command in its own transaction. */
  dispatch(cmd: Command, scope: WriteScope): Promise<Dispatched<CommandResult>>;
  /** Runs commands in order in ONE transaction: all commit, or none (the first error is thrown). */
  dispatchAll(cmds: readonly Command[], scope: WriteScope): Promise<Dispatched<CommandResult[]>>;
  /** Runs `work` in ONE transaction; it may dispatch commands and read through `uow.db` (sees its writes). */
  withUnitOfWork<T>(scope: WriteScope, work: (uow: UnitOfWork) => Promise<T>): Promise<Dispatched<T>>;
}

export interface BusOptions {
  /** the clock of each unit of work (tests fix it) */
  readonly clock?: () => Date;
}

export function createCommandBus(db: Database, opts: BusOptions = {}): CommandBus {
  const clock = opts.clock ?? (() => new Date());
  const withUnitOfWork = async <T>(scope: WriteScope, work: (uow: UnitOfWork) => Promise<T>): Promise<Dispatched<T>> => {
    try {
      return await db.knex.transaction(async (trx) => {
        await takeWriteLock({ knex: trx, dialect: db.dialect, scope });
        const unit = openUnitOfWork(trx, db, scope, clock(), handlerFor);
        const result = await work(unit.uow);
        await unit.complete();
        return { result, events: [...unit.uow.events] };
      });
    } catch (err) {
      throw asConcurrencyConflict(err) ?? err;
    }
  };
  return {
    withUnitOfWork,
    dispatch: (cmd, scope) => withUnitOfWork(scope, (uow) => uow.dispatch(cmd)),
    dispatchAll: (cmds, scope) =>
      withUnitOfWork(scope, async (uow) => {
        const results: CommandResult[] = [];
        for (const cmd of cmds) results.push(await uow.dispatch(cmd));
        return results;
      }),
  };
}

export type { Attempted, CommandResult, UnitOfWork, WriteScope };

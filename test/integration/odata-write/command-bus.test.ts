// The command bus without HTTP ($batch and /api/erp will call it like this): one transaction per
// dispatch or unit of work, state + events + outbox committed together or not at all, events
// stamped from the command, and update-row's `WHERE version = ?` losing no update on either dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { createCommandBus, type CommandBus } from '../../../src/commands/bus';
import { createEntity, deleteEntity, updateEntity } from '../../../src/commands/entity/entity-commands';
import { updateRow } from '../../../src/data/write/update-row';
import { findRow } from '../../../src/data/write/find-rows';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const A = { tenantId: 'a', accountId: 'acct-1' };

describe.each(testDialects())('command bus on %s', (dialect) => {
  let t: TestDatabase;
  let bus: CommandBus;
  const count = async (table: string, tenant = 'a') =>
    Number(((await t.db.knex(table).where('tenant_id', tenant).count({ n: '*' })) as Array<{ n: number | string }>)[0]?.n ?? 0);
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    bus = createCommandBus(t.db, { clock: () => NOW });
  });
  afterAll(() => t?.dispose());

  it('dispatch returns the result and the stamped events', async () => {
    const cmd = createEntity('Customers', { values: { ID: '1', Name: 'One' } }, { requestId: 'req-1' });
    expect(cmd.type).toBe('CreateCustomer');
    const { result, events } = await bus.dispatch(cmd, A);
    expect(result).toMatchObject({ set: 'Customers', key: { ID: '1' }, version: '1', state: { Name: 'One', CreatedAt: NOW.toISOString() } });
    expect(events).toEqual([{
      type: 'CustomerCreated',
      data: { key: { ID: '1' }, entity: result.state },
      metadata: expect.objectContaining({
        tenantId: 'a', accountId: 'acct-1', occurredAt: NOW.toISOString(), commandId: cmd.metadata.commandId, commandType: 'CreateCustomer',
        requestId: 'req-1', entitySet: 'Customers', entityKey: "('1')", version: '1', eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    }]);
    expect(await count('domain_events')).toBe(1);
    expect(await count('outbox')).toBe(1);
  });

  it('dispatchAll commits all commands in one transaction, or none', async () => {
    const ok = await bus.dispatchAll([
      createEntity('Customers', { values: { ID: '2', Name: 'Two' } }),
      createEntity('Contacts', { values: { ID: 'c', CustomerID: '2', LastName: 'L', Email: 'c@x' } }),
    ], A);
    expect(ok.result.map((r) => r.key)).toEqual([{ ID: '2' }, { ID: 'c' }]);
    expect(ok.events.map((e) => e.type)).toEqual(['CustomerCreated', 'ContactCreated']);
    const [customers, events] = [await count('customers'), await count('domain_events')];
    await expect(bus.dispatchAll([
      createEntity('Customers', { values: { ID: '3', Name: 'Three' } }),
      updateEntity('Customers', { key: { ID: '2' }, values: { Name: 'Changed' } }),
      createEntity('Contacts', { values: { ID: 'd', CustomerID: '3', LastName: 'L', Email: 'C@X' } }), // duplicate e-mail
    ], A)).rejects.toMatchObject({ status: 422 });
    expect([await count('customers'), await count('domain_events'), await count('outbox')]).toEqual([customers, events, events]);
    expect((await t.db.knex.transaction((trx) => findRow({ knex: trx, dialect, scope: A }, 'Customers', { ID: '2' })))?.Name).toBe('Two');
  });

  it('withUnitOfWork rolls back everything when the work fails after a command', async () => {
    const before = await count('domain_events');
    await expect(bus.withUnitOfWork(A, async (uow) => {
      await uow.dispatch(createEntity('Customers', { values: { ID: '4', Name: 'Four' } }));
      expect(uow.events).toHaveLength(1);
      throw new Error('the change set failed later');
    })).rejects.toThrow('the change set failed later');
    expect(await count('domain_events')).toBe(before);
    expect(await t.db.knex('customers').where({ tenant_id: 'a', id: '4' }).first()).toBeUndefined();
  });

  it('attempt runs a command in a savepoint: a failure undoes only that command and the unit goes on', async () => {
    const { result, events } = await bus.withUnitOfWork(A, async (uow) => {
      const first = await uow.attempt(createEntity('Customers', { values: { ID: '10', Name: 'Ten' } }));
      // the customer and its first contact are written before the second contact fails
      const failed = await uow.attempt(createEntity('Customers', {
        values: { ID: '11', Name: 'Eleven' },
        related: { Contacts: [{ values: { ID: 'e1', LastName: 'L', Email: 'e1@x' } }, { values: { ID: 'e2', LastName: 'L', Email: 'C@x' } }] },
      }));
      const last = await uow.attempt(createEntity('Customers', { values: { ID: '12', Name: 'Twelve' } }));
      return [first.ok, failed.ok ? undefined : (failed.error as { status?: number }).status, last.ok];
    });
    expect(result).toEqual([true, 422, true]);
    expect(events.map((e) => e.metadata.entityKey)).toEqual(["('10')", "('12')"]);
    expect(await t.db.knex('customers').where('tenant_id', 'a').whereIn('id', ['10', '11', '12']).orderBy('id').pluck('id')).toEqual(['10', '12']);
    expect(await t.db.knex('contacts').where({ tenant_id: 'a', id: 'e1' }).first()).toBeUndefined();
  });

  it('scopes commands to their tenant', async () => {
    await expect(bus.dispatch(updateEntity('Customers', { key: { ID: '1' }, values: { Name: 'x' } }), { tenantId: 'b' })).rejects.toMatchObject({ status: 404 });
    await expect(bus.dispatch(deleteEntity('Customers', { key: { ID: '1' } }), { tenantId: 'b' })).rejects.toMatchObject({ status: 404 });
    expect((await bus.dispatch(createEntity('Customers', { values: { ID: '1', Name: 'B' } }), { tenantId: 'b' })).result.key).toEqual({ ID: '1' });
  });

  it("update-row's WHERE version = ? matches no row once another writer moved the version on", async () => {
    await t.db.knex.transaction(async (trx) => {
      const tx = { knex: trx, dialect, scope: A };
      expect(await updateRow(tx, 'Customers', { ID: '1' }, { Name: 'first writer', Version: '2' }, '1')).toBe(true);
      expect(await updateRow(tx, 'Customers', { ID: '1' }, { Name: 'stale writer', Version: '2' }, '1')).toBe(false);
    });
    expect((await t.db.knex('customers').where({ tenant_id: 'a', id: '1' }).first()).name).toBe('first writer');
  });
});

describe.each(testDialects().filter((d) => d === 'pg'))('row locks on %s', (dialect) => {
  let t: TestDatabase;
  let bus: CommandBus;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    bus = createCommandBus(t.db, { clock: () => NOW });
    await bus.dispatch(createEntity('Customers', { values: { ID: '2', Name: 'Two' } }), A);
  });
  afterAll(() => t?.dispose());

  it('a concurrent UPDATE … WHERE version = ? waits for the first and then matches nothing', async () => {
    const k = t.db.knex;
    await k('customers').where({ tenant_id: 'a', id: '2' }).update({ version: 1 });
    const first = await k.transaction();
    const second = await k.transaction();
    try {
      const tx1 = { knex: first, dialect, scope: A };
      const tx2 = { knex: second, dialect, scope: A };
      expect(await updateRow(tx1, 'Customers', { ID: '2' }, { Name: 'first', Version: '2' }, '1')).toBe(true);
      const late = updateRow(tx2, 'Customers', { ID: '2' }, { Name: 'second', Version: '2' }, '1'); // blocks on the row lock
      await new Promise((resolve) => setTimeout(resolve, 50)); // let it reach the lock before the first commits
      await first.commit();
      expect(await late).toBe(false);
    } finally {
      await second.rollback();
    }
    expect((await k('customers').where({ tenant_id: 'a', id: '2' }).first()).name).toBe('first');
  });
});

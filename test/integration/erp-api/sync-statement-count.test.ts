// The customers sync is set-based: its SQL statement count does not grow with the number of items
// (counted from knex 'query' events, not timed), and per-item decisions against the in-memory
// state still see earlier items — e-mails freed and taken within one sync, contacts moved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandBus, type CommandBus } from '../../../src/commands/bus';
import { syncCustomers } from '../../../src/commands/sync/sync-customers';
import { ensureTenant } from '../../../src/security/accounts/ensure-tenant';
import { chunkSizes } from '../../../src/data/write/statement-chunks';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';

const customers = (n: number, suffix = '') =>
  Array.from({ length: n }, (_, i) => ({
    ID: `N${i}`, Name: `Customer ${i}${suffix}`,
    Contacts: Array.from({ length: 3 }, (_, j) => ({ ID: `N${i}-${j}`, LastName: `Last ${j}${suffix}`, Email: `n${i}.${j}@example.com` })),
  }));

describe.each(testDialects())('set-based customers sync on %s', (dialect) => {
  let db: TestDatabase;
  let bus: CommandBus;
  let statements = 0;
  const sync = async (tenantId: string, body: Parameters<typeof syncCustomers>[3]) => {
    statements = 0;
    const out = await syncCustomers(bus, db.db, { tenantId }, body);
    return { body: out.body as Record<string, unknown>, statements };
  };
  const emails = async (tenant: string) =>
    Object.fromEntries(((await db.db.knex('contacts').where({ tenant_id: tenant }).select('id', 'email', 'customer_id')) as Array<{ id: string; email: string; customer_id: string }>).map((r) => [r.id, `${r.email} ${r.customer_id}`]));
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    for (const t of ['count', 'chain', 'move']) await ensureTenant(db.db, t);
    bus = createCommandBus(db.db);
    db.db.knex.on('query', () => statements++);
  });
  afterAll(() => db.dispose());

  it('runs a bounded number of SQL statements for 100 customers × 3 contacts: create, update, unchanged', async () => {
    // On SQLite a bulk write of more than 64 rows runs in a few fixed-size chunks, so its prepared
    // statements can be kept (statement-chunks.ts): extra statements per chunk, none per item.
    const extra = (rows: number) => chunkSizes(dialect, rows, 256).length - 1;
    const bound = 15 + extra(100) + extra(300) + 2 * extra(400); // customers, contacts, events + outbox
    const created = await sync('count', { customers: customers(100) });
    expect(created.body).toMatchObject({ created: 100, failed: 0 });
    expect(created.statements).toBeLessThanOrEqual(bound);
    const updated = await sync('count', { customers: customers(100, ' v2') });
    expect(updated.body).toMatchObject({ updated: 100, failed: 0 });
    expect(updated.statements).toBeLessThanOrEqual(bound);
    const unchanged = await sync('count', { customers: customers(100, ' v2') });
    expect(unchanged.body).toMatchObject({ unchanged: 100, failed: 0 });
    expect(unchanged.statements).toBeLessThanOrEqual(8);
  });

  it('lets a later item take an e-mail an earlier item freed, and rolls back only the item that collides', async () => {
    const c = (id: string, email: string) => ({ ID: id, LastName: id, Email: email });
    await sync('chain', { customers: [{ ID: 'A', Name: 'A', Contacts: [c('A1', 'a@x.com')] }, { ID: 'B', Name: 'B', Contacts: [c('B1', 'b@x.com')] }] });
    // A1 frees a@ for B1, and B1's b@ goes to the new contact C1 — a chain the row-by-row unique index must never see half-done
    const res = await sync('chain', {
      customers: [
        { ID: 'A', Name: 'A', Contacts: [c('A1', 'other@x.com')] },
        { ID: 'B', Name: 'B', Contacts: [c('B1', 'A@X.com')] },
        { ID: 'C', Name: 'C', Contacts: [c('C1', 'b@x.com'), c('C2', 'other@X.com')] },
      ],
    });
    expect(res.body).toMatchObject({ created: 0, updated: 2, failed: 1, errors: [{ index: 2, id: 'C', code: 'ValidationFailed' }] });
    expect(await emails('chain')).toEqual({ A1: 'other@x.com A', B1: 'A@X.com B' });
    const retry = await sync('chain', { customers: [{ ID: 'C', Name: 'C', Contacts: [c('C1', 'b@x.com')] }] });
    expect(retry.body).toMatchObject({ created: 1, failed: 0 });
  });

  it('moves a contact to another customer and drops left-out contacts with replaceContacts, in one sync', async () => {
    const c = (id: string) => ({ ID: id, LastName: id, Email: `${id}@x.com` });
    await sync('move', { customers: [{ ID: 'M', Name: 'M', Contacts: [c('M1'), c('M2')] }] });
    const res = await sync('move', { customers: [{ ID: 'N', Name: 'N', Contacts: [c('M1')] }, { ID: 'M', Name: 'M', Contacts: [] }], replaceContacts: true });
    expect(res.body).toMatchObject({ created: 1, updated: 1, failed: 0 });
    expect(await emails('move')).toEqual({ M1: 'M1@x.com N' });
  });
});

// The cap on an expanded collection: one navigation delivers at most MAX_EXPANDED_ENTITIES per
// request, all parents together, so Categories?$expand=Products cannot load a whole table. At the
// cap it answers; one past it (with or without a nested $top) it is a 400 LimitExceeded naming the way around.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EXPANDED_ENTITIES } from '../../../src/data/read/load-expansions';
import { LimitExceededError } from '../../../src/errors/catalogue';
import type { EntityRecord } from '../../../src/odata/query/read-result';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { entities, productRow, read, TENANT } from './fixtures';

const BIG = 2; // the category holding MAX + 1 products
const SMALL = 3; // a category with two

/** Product n of a category, in storage form for the fixture tenant (fixtures.ts's product row). */
const numbered = (n: number, categoryId: number) =>
  ({ tenant_id: TENANT, ...productRow(`P-${String(n).padStart(6, '0')}`, `Product ${n}`, '100', { category_id: categoryId }) });

const expandedCount = (e: EntityRecord | undefined, nav: string): number => {
  const x = e?.expanded[nav];
  if (x?.kind !== 'collection') throw new Error(`${nav} is not an expanded collection`);
  return x.entities.length;
};

async function limitError(run: Promise<unknown>): Promise<LimitExceededError> {
  const err = await run.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(LimitExceededError);
  return err as LimitExceededError;
}

describe.each(testDialects())('$expand size cap on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const knex = t.db.knex;
    await knex('categories').insert([BIG, SMALL].map((id) => ({ tenant_id: TENANT, id, name: `Category ${id}`, parent_id: null })));
    const rows = Array.from({ length: MAX_EXPANDED_ENTITIES + 1 }, (_, i) => numbered(i, BIG));
    rows.push(numbered(MAX_EXPANDED_ENTITIES + 1, SMALL), numbered(MAX_EXPANDED_ENTITIES + 2, SMALL));
    await knex.batchInsert('products', rows, 500);
  }, 60_000);
  afterAll(async () => t?.dispose());

  it('delivers an expansion of exactly the cap', async () => {
    const [category] = await entities(t.db, '/Categories', `$filter=ID eq ${BIG}&$expand=Products($filter=ID ne 'P-000000')`);
    expect(expandedCount(category, 'Products')).toBe(MAX_EXPANDED_ENTITIES);
  });

  it('refuses one entity past the cap with a 400 that names the limit and the way around', async () => {
    const err = await limitError(read(t.db, `/Categories(${BIG})`, '$expand=Products'));
    expect(err.status).toBe(400);
    expect(err.message).toContain(String(MAX_EXPANDED_ENTITIES));
    expect(err.message).toContain('$expand=Products($top=100)');
  });

  it('counts all parents together', async () => {
    await limitError(read(t.db, '/Categories', "$expand=Products($filter=ID ne 'P-000000')"));
  });

  it('applies to a nested $top larger than the cap, and not to one within it', async () => {
    await limitError(read(t.db, `/Categories(${BIG})`, '$expand=Products($top=20000)'));
    const list = await entities(t.db, '/Categories', '$expand=Products($top=5;$orderby=ID)');
    expect(list.map((c) => expandedCount(c, 'Products'))).toEqual([5, 2]);
  });
});

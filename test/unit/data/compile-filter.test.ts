// Golden filter → SQL tables per dialect (AspNetCoreOData's FilterBinder tests idea): the exact text
// and bindings of what compileFilter emits, and proof that request values only ever travel as bindings.
import { describe, expect, it } from 'vitest';
import knexFactory from 'knex';
import type { Database, Dialect } from '../../../src/data/db';
import { compileFilter, createCompileContext } from '../../../src/data/read/compile-filter';
import { buildPlan } from '../../../src/odata/query/build-plan';
import { parseODataUri } from '../../../src/odata/uri';
import type { ODataUri } from '../../../src/odata/uri/ast';

const NOW = new Date('2026-03-01T12:00:00.000Z');

function offlineDb(dialect: Dialect): Database {
  const knex = dialect === 'pg' ? knexFactory({ client: 'pg' }) : knexFactory({ client: 'better-sqlite3', useNullAsDefault: true });
  return { knex, dialect, schema: undefined, close: () => knex.destroy() };
}
const DBS = { sqlite: offlineDb('sqlite'), pg: offlineDb('pg') };

function compileUri(dialect: Dialect, uri: ODataUri): { sql: string; bindings: readonly unknown[] } {
  const plan = buildPlan(uri, { maxExpandDepth: 3, now: NOW });
  if (!plan.root.filter) throw new Error('no filter');
  const { sql, bindings } = compileFilter(createCompileContext(DBS[dialect], { tenantId: 'acme' }), plan.root.filter).toSQL();
  return { sql, bindings };
}

const compile = (dialect: Dialect, set: string, filter: string) =>
  compileUri(dialect, parseODataUri(`/${set}`, `$filter=${encodeURIComponent(filter)}`));

/** The PostgreSQL text parameter: typed and byte-collated like the columns. */
const T = '(CAST(? AS TEXT) COLLATE "C")';

interface Golden {
  readonly set: string;
  readonly filter: string;
  readonly sqlite: string;
  readonly pg: string;
  readonly bindings: readonly unknown[];
}

const GOLDEN: readonly Golden[] = [
  { set: 'Customers', filter: "Name eq 'O''Brien'", sqlite: '(`t0`.`name` = ?)', pg: `("t0"."name" = ${T})`, bindings: ["O'Brien"] },
  { set: 'Customers', filter: "Name2 ne 'x'", sqlite: '(`t0`.`name2` <> ? OR `t0`.`name2` IS NULL)', pg: `("t0"."name2" <> ${T} OR "t0"."name2" IS NULL)`, bindings: ['x'] },
  { set: 'Customers', filter: 'Name2 eq null', sqlite: '(`t0`.`name2` IS NULL)', pg: '("t0"."name2" IS NULL)', bindings: [] },
  // a Decimal(18,2) column against a literal with 3 fractional digits: x > 1000.505 ⇔ x ≥ 100051 (scaled)
  { set: 'Customers', filter: 'CreditLimit gt 1000.505', sqlite: '(`t0`.`credit_limit` >= CAST(? AS INTEGER))', pg: '("t0"."credit_limit" >= CAST(? AS BIGINT))', bindings: ['100051'] },
  { set: 'Customers', filter: 'CreditLimit eq 1000.505', sqlite: '(1 = 0)', pg: '(1 = 0)', bindings: [] },
  { set: 'Customers', filter: 'CreditLimit add 1.5 gt 10', sqlite: '((`t0`.`credit_limit` + CAST(? AS INTEGER)) > CAST(? AS INTEGER))', pg: '(("t0"."credit_limit" + CAST(? AS BIGINT)) > CAST(? AS BIGINT))', bindings: ['150', '1000'] },
  { set: 'Contacts', filter: "Role eq 'Approver'", sqlite: '(`t0`.`role` = CAST(? AS INTEGER))', pg: '("t0"."role" = CAST(? AS BIGINT))', bindings: ['1'] },
  { set: 'Contacts', filter: "Role in ('Buyer','Approver')", sqlite: '((`t0`.`role` IN (CAST(? AS INTEGER), CAST(? AS INTEGER))))', pg: '(("t0"."role" IN (CAST(? AS BIGINT), CAST(? AS BIGINT))))', bindings: ['0', '1'] },
  { set: 'Customers', filter: "not contains(Name, '&')", sqlite: 'NOT COALESCE((instr(`t0`.`name`, ?) > 0), FALSE)', pg: `NOT COALESCE((strpos("t0"."name", ${T}) > 0), FALSE)`, bindings: ['&'] },
  {
    set: 'Customers', filter: "startswith(Name,'Mü') and endswith(Email,'.de')",
    sqlite: '((substr(`t0`.`name`, 1, length(?)) = ?) AND (substr(`t0`.`email`, length(`t0`.`email`) - length(?) + 1) = ?))',
    pg: `((substr("t0"."name", 1, length(${T})) = ${T}) AND (right("t0"."email", length(${T})) = ${T}))`,
    bindings: ['Mü', 'Mü', '.de', '.de'],
  },
  {
    set: 'Customers', filter: 'year(CreatedAt) eq 2026',
    sqlite: '(CAST(substr(`t0`.`created_at`, 1, 4) AS INTEGER) = CAST(? AS INTEGER))',
    pg: '(CAST(substr("t0"."created_at", 1, 4) AS INTEGER) = CAST(? AS BIGINT))',
    bindings: ['2026'],
  },
  { set: 'Customers', filter: 'CreatedAt lt now()', sqlite: '(`t0`.`created_at` < ?)', pg: `("t0"."created_at" < ${T})`, bindings: ['2026-03-01T12:00:00.000Z'] },
  {
    set: 'Customers', filter: "Contacts/any(c: c/Role eq B2X.Erp.ContactRole'Administrator')",
    sqlite: '(EXISTS (select 1 from `contacts` as `l1` where `l1`.`tenant_id` = ? and `l1`.`customer_id` = `t0`.`id` and (`l1`.`role` = CAST(? AS INTEGER))))',
    pg: '(EXISTS (select 1 from "contacts" as "l1" where "l1"."tenant_id" = ? and "l1"."customer_id" = "t0"."id" and ("l1"."role" = CAST(? AS BIGINT))))',
    bindings: ['acme', '2'],
  },
  {
    set: 'Customers', filter: 'Contacts/all(c: c/HasShopAccess)',
    sqlite: '(NOT EXISTS (select 1 from `contacts` as `l1` where `l1`.`tenant_id` = ? and `l1`.`customer_id` = `t0`.`id` and NOT COALESCE((`l1`.`has_shop_access` = 1), FALSE)))',
    pg: '(NOT EXISTS (select 1 from "contacts" as "l1" where "l1"."tenant_id" = ? and "l1"."customer_id" = "t0"."id" and NOT COALESCE(("l1"."has_shop_access" = 1), FALSE)))',
    bindings: ['acme'],
  },
  { set: 'Contacts', filter: "Customer/Address/City eq 'München'", sqlite: '(`j1`.`address_city` = ?)', pg: `("j1"."address_city" = ${T})`, bindings: ['München'] },
  {
    set: 'Products', filter: 'floor(StockQuantity) eq 10',
    sqlite: '(((`t0`.`stock_quantity` / CAST(? AS INTEGER)) - CASE WHEN (`t0`.`stock_quantity` % CAST(? AS INTEGER)) < 0 THEN 1 ELSE 0 END) = CAST(? AS INTEGER))',
    pg: '((("t0"."stock_quantity" / CAST(? AS BIGINT)) - CASE WHEN ("t0"."stock_quantity" % CAST(? AS BIGINT)) < 0 THEN 1 ELSE 0 END) = CAST(? AS BIGINT))',
    bindings: ['1000', '1000', '10'],
  },
  { set: 'Customers', filter: 'IsBlocked', sqlite: '(`t0`.`is_blocked` = 1)', pg: '("t0"."is_blocked" = 1)', bindings: [] },
  { set: 'Products', filter: "ID in ('A-1', null)", sqlite: '((`t0`.`id` IN (?)) OR (`t0`.`id` IS NULL))', pg: `(("t0"."id" IN (${T})) OR ("t0"."id" IS NULL))`, bindings: ['A-1'] },
];

describe.each(['sqlite', 'pg'] as const)('compileFilter golden SQL on %s', (dialect) => {
  it.each(GOLDEN)('$filter=$filter', (g) => {
    const out = compile(dialect, g.set, g.filter);
    expect(out.sql).toBe(g[dialect]);
    expect(out.bindings).toEqual(g.bindings);
  });

  it('compiles a hand-built AST without the parser', () => {
    const uri: ODataUri = {
      segments: [{ kind: 'identifier', name: 'Categories' }],
      options: {
        filter: {
          kind: 'binary', op: 'gt', pos: 0,
          left: { kind: 'member', path: ['ID'], pos: 0 },
          right: { kind: 'literal', type: 'int', value: '7' },
        },
      },
    };
    const out = compileUri(dialect, uri);
    expect(out.sql).toBe(dialect === 'pg' ? '("t0"."id" > CAST(? AS BIGINT))' : '(`t0`.`id` > CAST(? AS INTEGER))');
    expect(out.bindings).toEqual(['7']);
  });

  it.each([
    "Name eq 'x'' OR 1=1 --'",
    "contains(Name, '); DROP TABLE customers; --')",
    "Name in ('a\"b', '`c`', '$1')",
    "Contacts/any(c: c/Email eq 'x'' or ''1''=''1')",
  ])('never puts a request value into the SQL text: %s', (filter) => {
    const out = compile(dialect, 'Customers', filter);
    const texts = out.bindings.filter((b): b is string => typeof b === 'string' && b !== 'acme');
    expect(texts.length).toBeGreaterThan(0);
    for (const value of texts) expect(out.sql).not.toContain(value);
    expect(out.sql).not.toMatch(/DROP|1=1|'1'/);
  });
});

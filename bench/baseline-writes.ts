// The write workloads (W6–W8) answered with hand-written SQL in one transaction each, shared by
// raw-server and bare-express. Deliberately only the data rows: no events, outbox or audit rows,
// no validation beyond what the SQL needs — the floor the service's CQRS write path is compared to.
import Database from 'better-sqlite3';

export interface WriteAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** body: the request body as text; contentType: its Content-Type header */
export type WriteHandler = (body: string, contentType: string) => WriteAnswer;

const PRODUCT_URL = /^\/odata\/Products\('([^']+)'\)$/;
/** One PATCH part of a change set: its product id and its one-line JSON body (nothing fancier is sent). */
const BATCH_PART = /PATCH [^\r\n]*Products\('([^']+)'\) HTTP\/1\.1\r?\n[\s\S]*?\r?\n\r?\n(\{[^\r\n]*\})/g;
const BOUNDARY = /boundary=("?)([^";]+)\1/i;
const JSON_TYPE = { 'Content-Type': 'application/json' };

const bad = (message: string): WriteAnswer => ({ status: 400, headers: JSON_TYPE, body: JSON.stringify({ error: { code: 'BadRequest', message } }) });
const notFound: WriteAnswer = { status: 404, headers: JSON_TYPE, body: '{"error":{"code":"NotFound","message":"Not found"}}' };

/** JSON number → scaled integer as stored (ListPrice ×10⁴, CreditLimit ×10²); good enough for the values the bench sends. */
const scaled = (value: unknown, scale: number): number => Math.round(Number(value) * 10 ** scale);
const ROLES: Readonly<Record<string, number>> = { Buyer: 0, Approver: 1, Administrator: 2 };

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function open(dbFile: string): Database.Database {
  const db = new Database(dbFile, { fileMustExist: true });
  // The service's pragmas (src/data/db.ts), so durability settings don't decide the comparison.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

function productWrites(db: Database.Database, tenant: string) {
  const update = db.prepare(`UPDATE products SET list_price = ?, version = version + 1, modified_at = ?
    WHERE tenant_id = ? AND id = ? RETURNING version`).pluck();
  const patchOne = (id: string, body: Json, now: string) => update.get(scaled(body.ListPrice, 4), now, tenant, id) as number | undefined;
  const single = db.transaction(patchOne);
  const many = db.transaction((items: ReadonlyArray<readonly [string, Json]>, now: string) => items.map(([id, body]) => patchOne(id, body, now)));
  return { single, many };
}

/** W6: 204 with the new ETag, like the service's PATCH. */
function patchProduct(writes: ReturnType<typeof productWrites>, id: string): WriteHandler {
  return (body) => {
    const version = writes.single(id, JSON.parse(body) as Json, new Date().toISOString());
    return version === undefined ? notFound : { status: 204, headers: { ETag: `W/"${version}"` }, body: '' };
  };
}

/**
 * W7: the PATCH parts found by one regular expression (no MIME parser), applied in one transaction,
 * answered as a real multipart/mixed change set response (204 + ETag per part), so the response
 * costs about what the service's does.
 */
function batch(writes: ReturnType<typeof productWrites>): WriteHandler {
  return (body, contentType) => {
    if (!BOUNDARY.test(contentType)) return bad('multipart/mixed with a boundary expected');
    const items = [...body.matchAll(BATCH_PART)].map((m) => [m[1] ?? '', JSON.parse(m[2] ?? '{}') as Json] as const);
    if (!items.length) return bad('no PATCH parts');
    const versions = writes.many(items, new Date().toISOString());
    if (versions.some((v) => v === undefined)) return notFound; // rolled back: nothing changed
    const parts = versions.map((v, k) => `--changesetresponse\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n` +
      `Content-ID: ${k + 1}\r\n\r\nHTTP/1.1 204 No Content\r\nETag: W/"${v}"\r\n\r\n\r\n`);
    const out = `--batchresponse\r\nContent-Type: multipart/mixed; boundary=changesetresponse\r\n\r\n${parts.join('')}--changesetresponse--\r\n--batchresponse--\r\n`;
    return { status: 200, headers: { 'Content-Type': 'multipart/mixed; boundary=batchresponse', 'OData-Version': '4.0' }, body: out };
  };
}

/** W8: INSERT … ON CONFLICT DO UPDATE for each customer and contact, all in one transaction; a sync report as the answer. */
function customersSync(db: Database.Database, tenant: string): WriteHandler {
  const customer = db.prepare(`INSERT INTO customers (tenant_id, id, name, name2, address_street, address_postal_code,
      address_city, address_country_code, email, phone, vat_id, price_group, currency, credit_limit, is_blocked,
      created_at, modified_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
    ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, name2 = excluded.name2,
      address_street = excluded.address_street, address_postal_code = excluded.address_postal_code,
      address_city = excluded.address_city, address_country_code = excluded.address_country_code,
      email = excluded.email, phone = excluded.phone, vat_id = excluded.vat_id, price_group = excluded.price_group,
      currency = excluded.currency, credit_limit = excluded.credit_limit, is_blocked = excluded.is_blocked,
      modified_at = excluded.modified_at, version = customers.version + 1
    RETURNING version`).pluck();
  const contact = db.prepare(`INSERT INTO contacts (tenant_id, id, customer_id, first_name, last_name, email, phone, role,
      has_shop_access, access_valid_until, modified_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
    ON CONFLICT (tenant_id, id) DO UPDATE SET customer_id = excluded.customer_id, first_name = excluded.first_name,
      last_name = excluded.last_name, email = excluded.email, phone = excluded.phone, role = excluded.role,
      has_shop_access = excluded.has_shop_access, access_valid_until = excluded.access_valid_until,
      modified_at = excluded.modified_at, version = contacts.version + 1`);
  const apply = db.transaction((items: readonly Json[], now: string) => {
    let created = 0;
    for (const c of items) {
      const id = String(c.ID);
      const a = (c.Address ?? {}) as Json;
      const version = customer.get(tenant, id, c.Name, str(c.Name2), str(a.Street), str(a.PostalCode), str(a.City), str(a.CountryCode),
        str(c.Email), str(c.Phone), str(c.VatId), str(c.PriceGroup), str(c.Currency) ?? 'EUR', scaled(c.CreditLimit ?? 0, 2),
        c.IsBlocked ? 1 : 0, now, now) as number;
      if (version === 1) created++;
      for (const k of (c.Contacts ?? []) as Json[]) {
        contact.run(tenant, k.ID, id, str(k.FirstName), k.LastName, k.Email, str(k.Phone), ROLES[String(k.Role ?? 'Buyer')] ?? 0,
          k.HasShopAccess ? 1 : 0, str(k.AccessValidUntil), now);
      }
    }
    return created;
  });
  return (body) => {
    const items = (JSON.parse(body) as { customers?: Json[] }).customers;
    if (!Array.isArray(items) || items.length < 1 || items.length > 1000) return bad('customers: 1–1000 items expected');
    const created = apply(items, new Date().toISOString());
    return { status: 200, headers: JSON_TYPE, body: JSON.stringify({ created, updated: items.length - created, unchanged: 0, failed: 0, errors: [] }) };
  };
}

/** `(method, url)` → handler for the three write routes, or undefined; one writable connection. */
export function baselineWrites(dbFile: string, tenant: string): (method: string, url: string) => WriteHandler | undefined {
  const db = open(dbFile);
  const products = productWrites(db, tenant);
  const w7 = batch(products);
  const w8 = customersSync(db, tenant);
  return (method, url) => {
    if (method === 'POST' && url === '/odata/$batch') return w7;
    if (method === 'POST' && url === '/api/erp/customers/sync') return w8;
    const id = method === 'PATCH' ? PRODUCT_URL.exec(url)?.[1] : undefined;
    return id === undefined ? undefined : patchProduct(products, id);
  };
}

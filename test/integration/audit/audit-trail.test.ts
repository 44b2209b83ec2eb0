// Every request by an ERP or admin principal leaves exactly one audit row — operation, target,
// status, rows read — in its tenant's hash chain (admin requests: '_platform'), never a secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { seedFixtures } from '../odata-read/fixtures';
import { verifyChains } from '../../../src/audit/verify-chains';
import { PLATFORM_CHAIN } from '../../../src/audit/audit-entry';

interface Row {
  id: number | string;
  tenant_id: string;
  seq: number | string;
  request_id: string;
  principal_kind: string;
  account_id: string;
  operation: string;
  target: string | null;
  method: string;
  status: number;
  rows_read: number;
  rows_written: number;
  duration_ms: number;
  client_address: string | null;
  prev_hash: string;
  hash: string;
}

describe.each(testDialects())('audit trail on %s', (dialect) => {
  let gw: TestGateway;
  let erp: { id: string; apiKey: string };
  let contactsOnly: { id: string; apiKey: string };
  let admin: string;
  let n = 0;
  const secrets: string[] = [];
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    await seedFixtures(gw.database.db);
    erp = await gw.account('acme');
    contactsOnly = await gw.account('acme', { operations: ['customers.read'] });
    admin = await gw.adminKey();
    secrets.push(erp.apiKey, contactsOnly.apiKey, admin);
  });
  afterAll(() => gw.close());

  /** Sends a request with a fresh X-Request-Id and returns the id, to find its audit row. */
  async function send(path: string, key: string, init: RequestInit = {}): Promise<{ id: string; res: Response }> {
    const id = `audit-${dialect}-${++n}`;
    const res = await gw.request(path, key, { ...init, headers: { 'X-Request-Id': id, ...(init.headers as Record<string, string> | undefined) } });
    await res.arrayBuffer();
    return { id, res };
  }
  async function rowsOf(requestId: string): Promise<Row[]> {
    await gw.audit.flush();
    return (await gw.database.db.knex('audit_log').where({ request_id: requestId })) as Row[];
  }
  async function rowOf(requestId: string): Promise<Row> {
    const rows = await rowsOf(requestId);
    expect(rows, `audit rows of ${requestId}`).toHaveLength(1);
    return rows[0]!;
  }

  it('records an OData read with operation, target, status and the entities read, expanded ones included', async () => {
    const { id } = await send("/odata/Customers('10001')?$expand=Contacts", erp.apiKey);
    const row = await rowOf(id);
    expect(row).toMatchObject({
      tenant_id: 'acme', principal_kind: 'erp', account_id: erp.id, operation: 'customers.read',
      target: "Customers('10001')", method: 'GET', status: 200, rows_read: 4, rows_written: 0,
    });
    expect(row.client_address).toMatch(/127\.0\.0\.1/);
    expect(Number(row.duration_ms)).toBeGreaterThanOrEqual(0);
  });

  it('records the socket address, not a forged X-Forwarded-For, when no proxy is trusted', async () => {
    const { id } = await send('/odata/Customers?$top=1', erp.apiKey, { headers: { 'X-Forwarded-For': '203.0.113.7' } });
    const row = await rowOf(id);
    expect(row.client_address).toMatch(/127\.0\.0\.1/);
  });

  it('records the forwarded client address behind a trusted proxy', async () => {
    const proxied = await startTestGateway(dialect, { sameDatabaseAs: gw, trustProxy: 'loopback' });
    try {
      const key = (await proxied.account('acme')).apiKey;
      const id = `audit-${dialect}-proxied`;
      const res = await proxied.request('/odata/Customers?$top=1', key, { headers: { 'X-Request-Id': id, 'X-Forwarded-For': '203.0.113.7' } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await proxied.audit.flush();
      const rows = (await gw.database.db.knex('audit_log').where({ request_id: id })) as Row[];
      expect(rows.map((r) => r.client_address)).toEqual(['203.0.113.7']);
    } finally {
      await proxied.close();
    }
  });

  it('counts collection pages, and none for /$count', async () => {
    expect((await rowOf((await send('/odata/Customers?$top=2', erp.apiKey)).id)).rows_read).toBe(2);
    const count = await rowOf((await send('/odata/Customers/$count', erp.apiKey)).id);
    expect(count).toMatchObject({ operation: 'customers.read', target: 'Customers/$count', rows_read: 0, status: 200 });
  });

  it('names the service document and $metadata', async () => {
    expect(await rowOf((await send('/odata/', erp.apiKey)).id)).toMatchObject({ operation: 'odata.service-document', target: null, status: 200 });
    expect(await rowOf((await send('/odata/$metadata', erp.apiKey)).id)).toMatchObject({ operation: 'odata.metadata', status: 200 });
  });

  it('records refusals: 404, 403 and 429 of a known principal', async () => {
    expect(await rowOf((await send('/odata/Nowhere', erp.apiKey)).id)).toMatchObject({ operation: 'odata.request', target: 'Nowhere', status: 404 });
    expect(await rowOf((await send('/odata/Contacts', contactsOnly.apiKey)).id)).toMatchObject({ operation: 'contacts.read', status: 403, rows_read: 0, account_id: contactsOnly.id });
    const tight = await gw.account('acme', { ratePerMinute: 1 });
    await send('/odata', tight.apiKey);
    const { id, res } = await send('/odata/Customers', tight.apiKey);
    expect(res.status).toBe(429);
    expect(await rowOf(id)).toMatchObject({ status: 429, account_id: tight.id });
  });

  it('leaves no row for a request without a valid credential', async () => {
    const { id, res } = await send('/odata/Customers', `${erp.apiKey.slice(0, -3)}xyz`);
    expect(res.status).toBe(401);
    expect(await rowsOf(id)).toHaveLength(0);
  });

  it('records admin requests in the platform chain, never the key they create', async () => {
    const list = await send('/api/admin/tenants', admin);
    expect(await rowOf(list.id)).toMatchObject({ tenant_id: PLATFORM_CHAIN, principal_kind: 'admin', operation: 'admin.tenants.list', status: 200 });
    const created = await send('/api/admin/service-accounts', admin, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tenant: 'acme', name: 'audited' }),
    });
    expect(created.res.status).toBe(201);
    const row = await rowOf(created.id);
    expect(row).toMatchObject({ tenant_id: PLATFORM_CHAIN, operation: 'admin.service-accounts.create', target: '/api/admin/service-accounts', status: 201 });
    expect(row.account_id).not.toBe('');
  });

  it('stores no key, token, secret or query string in any row', async () => {
    const created = await gw.request('/api/admin/service-accounts', admin, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tenant: 'acme', name: 'secretive' }),
    });
    expect(created.status).toBe(201);
    const { apiKey } = (await json(created)) as { apiKey: string };
    secrets.push(apiKey);
    await send('/odata/$metadata', apiKey);
    await send("/odata/Customers?$filter=Name eq 'secret-filter-value'", erp.apiKey);
    await gw.audit.flush();
    const all = JSON.stringify(await gw.database.db.knex('audit_log').select('*'));
    for (const s of secrets) expect(all).not.toContain(s.slice(s.lastIndexOf('.') + 1));
    expect(all).not.toContain('secret-filter-value');
  });

  it('writes exactly one row per request under concurrency, as one unbroken chain per tenant', async () => {
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => send(i % 3 === 0 ? '/odata/$metadata' : '/odata/Products?$top=1', erp.apiKey).then((r) => r.id)));
    await gw.audit.flush();
    const rows = (await gw.database.db.knex('audit_log').whereIn('request_id', ids)) as Row[];
    expect(rows).toHaveLength(60);
    const chain = (await gw.database.db.knex('audit_log').where({ tenant_id: 'acme' }).orderBy('seq')) as Row[];
    chain.forEach((r, i) => {
      expect(Number(r.seq)).toBe(i + 1);
      if (i > 0) expect(r.prev_hash).toBe(chain[i - 1]!.hash);
    });
    const report = await verifyChains(gw.database.db);
    expect(report.ok).toBe(true);
    expect(report.chains.map((c) => c.tenant)).toEqual([PLATFORM_CHAIN, 'acme']);
  });
});

describe.each(testDialects())('audit chains across two instances on %s', (dialect) => {
  let one: TestGateway;
  let two: TestGateway;
  beforeAll(async () => {
    one = await startTestGateway(dialect);
    two = await startTestGateway(dialect, { sameDatabaseAs: one });
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  it('never forks a chain when instances append to it at the same time', async () => {
    const key = await one.keyFor('acme');
    const burst = (gw: TestGateway) => Promise.all(Array.from({ length: 40 }, () => gw.request('/odata/$metadata', key).then((r) => r.arrayBuffer())));
    for (let round = 0; round < 3; round++) {
      await Promise.all([burst(one), burst(two)]);
      await Promise.all([one.audit.flush(), two.audit.flush()]);
    }
    const report = await verifyChains(one.database.db);
    expect(report).toMatchObject({ ok: true, chains: [{ tenant: 'acme', rows: 240, ok: true }] });
  });
});

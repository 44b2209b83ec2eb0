import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { CREDENTIAL_CACHE_TTL_MS } from '../../../src/security/credentials';

const REVOCATION_BOUND_MS = 5000;

/** Polls `probe` every 100 ms until it answers `status`; resolves to the elapsed milliseconds. */
async function msUntilStatus(probe: () => Promise<Response>, status: number, limitMs = REVOCATION_BOUND_MS + 2000): Promise<number> {
  const start = Date.now();
  for (;;) {
    const res = await probe();
    await res.body?.cancel();
    if (res.status === status) return Date.now() - start;
    if (Date.now() - start > limitMs) throw new Error(`still ${res.status} after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(testDialects())('key rotation and revocation across two instances on %s', (dialect) => {
  // two instances on one database, each with the production credential caches
  let a: TestGateway;
  let b: TestGateway;
  let admin: Record<string, string>;
  const odata = (gw: TestGateway, headers: Record<string, string>) => () => fetch(`${gw.url}/odata/Customers`, { headers });
  const tokenAt = async (gw: TestGateway, key: string): Promise<string> =>
    (await json(await fetch(`${gw.url}/api/auth/token`, { method: 'POST', headers: { 'X-API-Key': key } }))).access_token;
  const newAccount = async (): Promise<{ id: string; apiKey: string }> =>
    json(await fetch(`${a.url}/api/admin/service-accounts`, { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ tenant: 'acme' }) }));
  const post = (path: string, body: unknown = {}) =>
    fetch(`${a.url}${path}`, { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  beforeAll(async () => {
    a = await startTestGateway(dialect, { credentialCacheTtlMs: CREDENTIAL_CACHE_TTL_MS });
    b = await startTestGateway(dialect, { sameDatabaseAs: a, credentialCacheTtlMs: CREDENTIAL_CACHE_TTL_MS });
    await a.keyFor('acme');
    admin = { 'X-API-Key': await a.adminKey() };
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('revocation through one instance stops keys and tokens on the other within 5 s', async () => {
    const acc = await newAccount();
    const token = await tokenAt(b, acc.apiKey);
    // warm instance B's caches with the key and the token
    expect((await odata(b, { 'X-API-Key': acc.apiKey })()).status).toBe(200);
    expect((await odata(b, { Authorization: `Bearer ${token}` })()).status).toBe(200);
    expect((await post(`/api/admin/service-accounts/${acc.id}/revoke`)).status).toBe(200);
    const [keyMs, tokenMs] = await Promise.all([
      msUntilStatus(odata(b, { 'X-API-Key': acc.apiKey }), 401),
      msUntilStatus(odata(b, { Authorization: `Bearer ${token}` }), 401),
    ]);
    expect(keyMs).toBeLessThan(REVOCATION_BOUND_MS);
    expect(tokenMs).toBeLessThan(REVOCATION_BOUND_MS);
    expect(await msUntilStatus(odata(a, { 'X-API-Key': acc.apiKey }), 401)).toBeLessThan(REVOCATION_BOUND_MS);
    // and it stays refused (no cache resurrects it)
    expect((await odata(b, { 'X-API-Key': acc.apiKey })()).status).toBe(401);
  });

  it('deactivating the account stops its tokens on the other instance within 5 s', async () => {
    const acc = await newAccount();
    const token = await tokenAt(a, acc.apiKey);
    expect((await odata(b, { Authorization: `Bearer ${token}` })()).status).toBe(200);
    const patch = await fetch(`${a.url}/api/admin/service-accounts/${acc.id}`, { method: 'PATCH', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ active: false }) });
    expect(patch.status).toBe(200);
    expect(await msUntilStatus(odata(b, { Authorization: `Bearer ${token}` }), 401)).toBeLessThan(REVOCATION_BOUND_MS);
  });

  it('rotation keeps the old key working for the grace period on both instances, then refuses it', async () => {
    const acc = await newAccount();
    const oldToken = await tokenAt(b, acc.apiKey);
    const rotated = await json(await post(`/api/admin/service-accounts/${acc.id}/rotate`, { graceSeconds: 3 }));
    const expiresAt = Date.parse(rotated.previousKeyExpiresAt);
    expect(expiresAt - Date.now()).toBeGreaterThan(1000);
    for (const gw of [a, b]) {
      expect((await odata(gw, { 'X-API-Key': acc.apiKey })()).status).toBe(200);
      expect((await odata(gw, { 'X-API-Key': rotated.apiKey })()).status).toBe(200);
    }
    await msUntilStatus(odata(b, { 'X-API-Key': acc.apiKey }), 401);
    // refused only after the grace period, and then within the cache TTL
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(Date.now() - expiresAt).toBeLessThan(REVOCATION_BOUND_MS);
    expect(await msUntilStatus(odata(b, { Authorization: `Bearer ${oldToken}` }), 401)).toBeLessThan(REVOCATION_BOUND_MS);
    expect((await odata(b, { 'X-API-Key': rotated.apiKey })()).status).toBe(200);
    expect((await odata(a, { 'X-API-Key': rotated.apiKey })()).status).toBe(200);
  });
});

describe.each(testDialects())('rotation without grace on %s', (dialect) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
  });
  afterAll(() => gw.close());

  it('graceSeconds 0 stops the old key and its tokens at once', async () => {
    const admin = { 'X-API-Key': await gw.adminKey(), 'Content-Type': 'application/json' };
    await gw.keyFor('acme');
    const acc = await json(await fetch(`${gw.url}/api/admin/service-accounts`, { method: 'POST', headers: admin, body: JSON.stringify({ tenant: 'acme' }) }));
    const token = (await json(await fetch(`${gw.url}/api/auth/token`, { method: 'POST', headers: { 'X-API-Key': acc.apiKey } }))).access_token;
    const rotated = await json(await fetch(`${gw.url}/api/admin/service-accounts/${acc.id}/rotate`, { method: 'POST', headers: admin, body: '{"graceSeconds":0}' }));
    expect((await gw.request('/odata/Customers', acc.apiKey)).status).toBe(401);
    expect((await fetch(`${gw.url}/odata/Customers`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await gw.request('/odata/Customers', rotated.apiKey)).status).toBe(200);
  });
});

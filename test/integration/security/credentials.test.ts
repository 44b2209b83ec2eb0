import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { issueToken } from '../../../src/security/token';

const UNAUTHORIZED = { error: { code: 'Unauthorized', message: 'Missing or invalid credentials.' } };

async function expectUniform401(res: Response, label: string): Promise<void> {
  expect(res.status, label).toBe(401);
  const challenge = res.headers.get('www-authenticate') ?? '';
  expect(challenge, label).toMatch(/^Basic realm="b2x-erp-gateway"/);
  expect(challenge, label).toContain('Bearer realm="b2x-erp-gateway"');
  expect(await json(res), label).toEqual(UNAUTHORIZED);
}

const basicOf = (key: string): string => {
  const [, user, secret] = /^(erp-service\.[a-z0-9-]+)\.(.+)$/.exec(key) ?? [];
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
};

describe.each(testDialects())('credentials on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  let adminKey: string;
  const tokenWith = async (headers: Record<string, string>) => {
    const res = await fetch(`${gw.url}/api/auth/token`, { method: 'POST', headers });
    return { res, body: res.status === 200 ? await json(res) : undefined };
  };
  beforeAll(async () => {
    // this file provokes many 401s on purpose: lift the per-address failure limit (tested elsewhere)
    gw = await startTestGateway(dialect, { metricsToken: 'metrics-secret-token', authFailuresPerMinute: 10_000 });
    key = await gw.keyFor('acme');
    adminKey = await gw.adminKey('ops');
  });
  afterAll(() => gw.close());

  it('accepts one key as X-API-Key, as Basic credentials and, exchanged for a token, as Bearer', async () => {
    expect((await gw.request('/odata/Customers', key)).status).toBe(200);
    expect((await fetch(`${gw.url}/odata/Customers`, { headers: { Authorization: basicOf(key) } })).status).toBe(200);
    const { res, body } = await tokenWith({ 'X-API-Key': key });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    const viaBearer = await fetch(`${gw.url}/odata/Customers`, { headers: { Authorization: `Bearer ${body.access_token}` } });
    expect(viaBearer.status).toBe(200);
  });

  it('issues tokens for Basic credentials too, but never a token for a token', async () => {
    const { body } = await tokenWith({ Authorization: basicOf(key) });
    expect(body.token_type).toBe('Bearer');
    const { res } = await tokenWith({ Authorization: `Bearer ${body.access_token}` });
    await expectUniform401(res, 'token for a token');
  });

  it('answers every kind of bad credential with the same 401 and both challenges', async () => {
    const { body } = await tokenWith({ 'X-API-Key': key });
    const [, payload = '', mac = ''] = String(body.access_token).split('.');
    const foreign = await issueToken({ typ: 'erp', kid: 'key_x', sub: 'sa_x', ten: 'acme' }, new Uint8Array(32).fill(1));
    const expired = await issueToken({ typ: 'erp', kid: 'key_x', sub: 'sa_x', ten: 'acme' }, gw.secrets.tokenSigningKey, new Date(Date.now() - 3600_000));
    const cases: Array<[string, Record<string, string>]> = [
      ['missing', {}],
      ['malformed key', { 'X-API-Key': 'nonsense' }],
      ['unknown key', { 'X-API-Key': `${key.slice(0, -4)}AAAA` }],
      ['wrong tenant', { 'X-API-Key': key.replace('.acme.', '.other.') }],
      ['bad basic', { Authorization: 'Basic !!!' }],
      ['tampered token', { Authorization: `Bearer v1.${payload.slice(0, -2)}xx.${mac}` }],
      ['foreign token', { Authorization: `Bearer ${foreign}` }],
      ['expired token', { Authorization: `Bearer ${expired}` }],
      ['key as bearer', { Authorization: `Bearer ${key}` }],
      ['unknown scheme', { Authorization: `Digest ${key}` }],
    ];
    for (const [label, headers] of cases) {
      await expectUniform401(await fetch(`${gw.url}/odata/Customers`, { headers }), label);
      await expectUniform401(await fetch(`${gw.url}/api/admin/tenants`, { headers }), `${label} on /api`);
    }
  });

  it('refuses credentials in the query string with the uniform 401, even next to a valid header', async () => {
    const secret = key.split('.')[2] ?? '';
    for (const q of [`api_key=${key}`, `apikey=${key}`, `key=${key}`, `access_token=abc`, `API_KEY=x`, `x=${key}`, `foo=${encodeURIComponent(key)}`, `x=erp-service%2Eacme%2E${secret}`, `$filter=Name eq '${adminKey}'`]) {
      await expectUniform401(await gw.request(`/odata/Customers?${q}`, key), q);
    }
    expect((await gw.request("/odata/Customers?$filter=Name eq 'keystone'", key)).status).toBe(200);
  });

  it('lets admin keys reach /api/admin and /metrics but never tenant data through /odata', async () => {
    expect((await gw.request('/api/admin/tenants', adminKey)).status).toBe(200);
    const odata = await gw.request('/odata/Customers', adminKey);
    expect(odata.status).toBe(403);
    expect((await json(odata)).error.code).toBe('Forbidden');
    expect((await gw.request("/odata/Customers('10042')/Contacts", adminKey)).status).toBe(403);
    const metrics = await gw.request('/metrics', adminKey);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('gateway_http_requests_total');
  });

  it('gives admin keys bearer tokens that work like the key', async () => {
    const { body } = await tokenWith({ 'X-API-Key': adminKey });
    const bearer = { Authorization: `Bearer ${body.access_token}` };
    expect((await fetch(`${gw.url}/api/admin/tenants`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${gw.url}/metrics`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${gw.url}/odata/Customers`, { headers: bearer })).status).toBe(403);
  });

  it('keeps /metrics closed to ERP keys (403) and to no credential (401); METRICS_TOKEN still works', async () => {
    expect((await gw.request('/metrics', key)).status).toBe(403);
    expect((await fetch(`${gw.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${gw.url}/metrics`, { headers: { Authorization: 'Bearer metrics-secret-token' } })).status).toBe(200);
  });
});

// "Last used" of a service account follows its requests (written with the audit rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';

describe.each(testDialects())('service account last use on %s', (dialect) => {
  let gw: TestGateway;
  let admin: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    admin = await gw.adminKey();
  });
  afterAll(() => gw.close());

  const show = async (id: string) => json(await gw.request(`/api/admin/service-accounts/${id}`, admin));

  it('is null before the first request and the request time after it', async () => {
    const account = await gw.account('acme');
    await gw.audit.flush();
    expect((await show(account.id)).lastUsedAt).toBeNull();
    const before = new Date().toISOString();
    expect((await gw.request('/odata/Customers', account.apiKey)).status).toBe(200);
    await gw.audit.flush();
    const lastUsed = (await show(account.id)).lastUsedAt as string;
    expect(lastUsed >= before.slice(0, 19)).toBe(true);
    expect(Date.parse(lastUsed)).toBeLessThanOrEqual(Date.now());
  });

  it('never moves backwards and leaves other accounts alone', async () => {
    const a = await gw.account('acme');
    const b = await gw.account('acme');
    await gw.request('/odata/Products', a.apiKey);
    await gw.audit.flush();
    const first = (await show(a.id)).lastUsedAt as string;
    await gw.request('/odata/Products', a.apiKey);
    await gw.audit.flush();
    expect(((await show(a.id)).lastUsedAt as string) >= first).toBe(true);
    expect((await show(b.id)).lastUsedAt).toBeNull();
  });
});

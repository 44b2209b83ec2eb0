// The served stack (startGateway, what `serve` runs): closing it — as SIGTERM does — flushes the
// audit rows of every finished request before the database closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/server/config';
import { startGateway } from '../../../src/server/start-gateway';
import { loadMasterKey } from '../../../src/security/master-key';
import { loadGatewaySecrets } from '../../../src/security/gateway-secrets';
import { ensureTenant } from '../../../src/security/accounts/ensure-tenant';
import { createServiceAccount } from '../../../src/security/accounts/create-service-account';
import { createLogger } from '../../../src/observability/logger';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

describe.each(testDialects())('audit flush on shutdown on %s', (dialect) => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'b2x-audit-'));
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every finished request before close() resolves', async () => {
    const config = loadConfig({ DATABASE_URL: t.url, GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key'), PORT: String(await freePort()), LOG_LEVEL: 'silent' });
    const gw = await startGateway(config, { db: t.db, log: createLogger('silent') });
    const secrets = await loadGatewaySecrets(t.db, await loadMasterKey(config));
    await ensureTenant(t.db, 'acme');
    const { apiKey } = await createServiceAccount(t.db, secrets.keyHashKey, { tenant: 'acme' });
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${gw.url}/odata/$metadata`, { headers: { 'X-API-Key': apiKey, 'X-Request-Id': `shutdown-${i}` } });
      await res.arrayBuffer();
    }
    await gw.close();
    const rows = await t.db.knex('audit_log').where('request_id', 'like', 'shutdown-%').count({ n: '*' });
    expect(Number(rows[0]?.n)).toBe(25);
  });
});

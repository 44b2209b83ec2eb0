// HTTPS served directly (TLS_CERT_FILE / TLS_KEY_FILE): the whole gateway over TLS, with HSTS.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/server/config';
import { startGateway } from '../../../src/server/start-gateway';
import { createLogger } from '../../../src/observability/logger';
import { freePort } from '../../helpers/free-port';

function selfSignedCert(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  return { cert, key };
}

function get(url: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    // the test certificate is self-signed: trust it for this one request only
    request(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });
}

describe('HTTPS served directly', () => {
  it('answers over TLS and sends Strict-Transport-Security', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'b2x-tls-'));
    const { cert, key } = selfSignedCert(dir);
    const config = loadConfig({
      PORT: String(await freePort()),
      DATABASE_URL: `sqlite:${join(dir, 'gw.db')}`,
      GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key'),
      TLS_CERT_FILE: cert,
      TLS_KEY_FILE: key,
      WEBHOOK_DISPATCH: 'off',
    });
    const gw = await startGateway(config, { log: createLogger('silent') });
    try {
      expect(gw.url).toMatch(/^https:\/\//);
      const res = await get(`${gw.url}/health/live`);
      expect(res.status).toBe(200);
      expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=\d+/);
      const odata = await get(`${gw.url}/odata`);
      expect(odata.status).toBe(401);
    } finally {
      await gw.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

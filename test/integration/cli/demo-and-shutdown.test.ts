import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../helpers/free-port';

const ROOT = resolve(__dirname, '../../..');

/** stdout JSON lines of a child, with a way to wait for one that matches (lines are kept, not consumed). */
function startCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen: Record<string, unknown>[] = [];
  const waiters: Array<() => void> = [];
  let closed = false;
  createInterface({ input: child.stdout })
    .on('line', (line) => {
      try {
        seen.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* a non-JSON line */
      }
      waiters.splice(0).forEach((w) => w());
    })
    .on('close', () => {
      closed = true;
      waiters.splice(0).forEach((w) => w());
    });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  async function waitFor(predicate: (o: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const hit = seen.find(predicate);
      if (hit) return hit;
      if (closed) throw new Error(`stdout closed before the expected line; saw ${JSON.stringify(seen).slice(0, 500)}`);
      await new Promise<void>((r) => waiters.push(r));
    }
  }
  return { child, waitFor, exited };
}

describe('the quick start (demo) and graceful shutdown', () => {
  it('creates the demo tenant, prints a working key, serves, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'b2x-demo-'));
    const port = await freePort();
    const env = { DATABASE_URL: `sqlite:${join(dir, 'gw.db')}`, GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key'), PORT: String(port) };
    const { child, waitFor, exited } = startCli(['demo', '--json'], env);
    try {
      const match = await waitFor((o) => o.status === 'listening');
      expect(match.url).toBe(`http://127.0.0.1:${port}`);
      const key = match.apiKey as string;
      expect(key).toMatch(/^erp-service\.demo\.[A-Za-z0-9_-]{43}$/);
      const res = await fetch(`${match.url}/odata/Customers('10042')?$expand=Contacts`, { headers: { 'X-API-Key': key } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ID: string; Contacts: unknown[] };
      expect(body.ID).toBe('10042');
      expect(body.Contacts.length).toBeGreaterThan(0);
      const rest = waitFor((o) => o.msg === 'shutting down: finishing in-flight requests');
      child.kill('SIGTERM');
      expect((await rest).signal).toBe('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('on an existing database changes nothing and prints no key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'b2x-demo-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'gw.db')}`, GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key') };
    try {
      for (const round of [1, 2]) {
        const { child, waitFor, exited } = startCli(['demo', '--json'], { ...env, PORT: String(await freePort()) });
        const match = await waitFor((o) => o.status === 'listening');
        if (round === 1) expect(typeof match.apiKey).toBe('string');
        else expect(match.apiKey).toBeNull();
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

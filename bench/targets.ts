// Starts the three benchmark targets — raw baseline, Express baseline, the service — on free
// loopback ports as tracked child processes, and waits until each answers GET /health/ready.
import { createServer } from 'node:net';
import { extname, join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnTracked } from './children';
import { onTargetCore } from './cpu-pinning';
import { httpGet } from './http-get';
import type { Fixture } from './seed-fixture';

/**
 * `tuned` is the Express baseline again, on a server that builds req/res with the app's prototypes
 * as the service's does (src/http/express-server-classes.ts), so the ratio against it shows how much
 * of the service's standing against bare Express is that server setting rather than its own code.
 * `bearer` is the service process again, loaded with `Authorization: Bearer` instead of the key.
 */
export type TargetName = 'raw' | 'express' | 'tuned' | 'service' | 'bearer';
export const TARGET_NAMES: readonly TargetName[] = ['raw', 'express', 'tuned', 'service', 'bearer'];

export interface Target {
  readonly name: TargetName;
  readonly port: number;
  readonly pid: number;
  readonly child: ChildProcess;
  /** last lines the process wrote (stdout+stderr), for error messages */
  output(): string;
  /** credential headers for this target; default X-API-Key with the fixture key */
  readonly authHeaders?: Readonly<Record<string, string>>;
}

/** The service again, with a short-lived token from POST /api/auth/token (valid 900 s: longer than a run). */
export async function bearerTarget(service: Target, apiKey: string): Promise<Target> {
  const res = await fetch(`http://127.0.0.1:${service.port}/api/auth/token`, { method: 'POST', headers: { 'X-API-Key': apiKey } });
  const body = (await res.json()) as { access_token?: string };
  if (res.status !== 200 || !body.access_token) throw new Error(`bearer: token request answered ${res.status}`);
  return { ...service, name: 'bearer', authHeaders: { Authorization: `Bearer ${body.access_token}` } };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Keeps the last ~8 KiB of a child's output; also drains the pipes so a chatty child never blocks. */
function captureTail(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => { tail = (tail + chunk.toString('utf8')).slice(-8192); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

async function waitReady(name: string, child: ChildProcess, port: number, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${output()}`);
    const res = await httpGet(port, '/health/ready', {}, 1000).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} not ready on 127.0.0.1:${port} after ${timeoutMs} ms:\n${output()}`);
}

function command(name: TargetName, fx: Fixture): { args: string[]; env: NodeJS.ProcessEnv } {
  if (name === 'service') {
    return { args: [fx.cliPath, 'serve'], env: { ...fx.cliEnv, LOG_LEVEL: 'warn', HOST: '127.0.0.1' } };
  }
  // Same extension as this file: dist/*.js under `npm run bench`, *.ts (with tsx's execArgv) in development.
  const file = join(__dirname, `${name === 'raw' ? 'raw-server' : 'bare-express'}${extname(__filename)}`);
  return {
    args: [...process.execArgv, file],
    env: { ...process.env, BENCH_DB_FILE: fx.dbFile, BENCH_TENANT: fx.tenant, BENCH_API_KEY: fx.apiKey, BENCH_SERVER_CLASSES: name === 'tuned' ? '1' : '0' },
  };
}

export async function startTarget(name: TargetName, fx: Fixture, cwd: string): Promise<Target> {
  const port = await freePort();
  const { args, env } = command(name, fx);
  const pinned = onTargetCore(process.execPath, args);
  const child = spawnTracked(pinned.command, pinned.args, { ...env, PORT: String(port) }, cwd);
  const output = captureTail(child);
  if (child.pid === undefined) throw new Error(`${name}: could not spawn ${process.execPath}`);
  await waitReady(name, child, port, output, name === 'service' ? 60_000 : 15_000);
  return { name, port, pid: child.pid, child, output };
}

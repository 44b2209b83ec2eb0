// A real webhook receiver on 127.0.0.1 for the delivery tests: it records what it accepted and can
// be switched to refuse connections (closed), hang (timeouts), answer 500, or accept (2xx).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceiverMode = 'ok' | 'fail' | 'hang' | 'down';

export interface Received {
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

export interface Receiver {
  readonly url: string;
  /** requests answered 2xx, in arrival order */
  readonly received: Received[];
  /** every request that reached the server, whatever it was answered */
  hits: number;
  setMode(mode: ReceiverMode): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let mode: ReceiverMode = 'ok';
  const hanging = new Set<http.ServerResponse>();
  const r: Receiver = { url: '', received: [], hits: 0, setMode: async () => undefined, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.hits++;
      const body = Buffer.concat(chunks).toString('utf8');
      if (mode === 'hang') return void hanging.add(res);
      if (mode === 'fail') return void res.writeHead(500).end('no');
      r.received.push({ headers: req.headers, body, json: JSON.parse(body) as unknown });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const stop = () => new Promise<void>((resolve) => {
    for (const h of hanging) h.destroy();
    hanging.clear();
    server.closeAllConnections();
    server.close(() => resolve());
  });
  r.setMode = async (next) => {
    if (mode === 'down' && next !== 'down') await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    if (next === 'down' && mode !== 'down') await stop();
    if (mode === 'hang' && next !== 'hang') for (const h of hanging) h.destroy();
    mode = next;
  };
  r.close = () => (mode === 'down' ? Promise.resolve() : stop());
  Object.assign(r, { url: `http://127.0.0.1:${port}/hooks` });
  return r;
}

/** Polls `check` until it holds or `ms` pass (then fails with `what`). */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

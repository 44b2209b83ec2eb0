// Minimal keep-alive GET over node:http: the request target is sent exactly as given (no URL
// normalisation re-encoding quotes or parentheses), which the exact-URL baselines rely on.
import { Agent, request } from 'node:http';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

export function httpGet(port: number, path: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path.slice(0, 80)}: timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export const closeHttpAgent = (): void => agent.destroy();

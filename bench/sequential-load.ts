// A fixed number of write requests sent one after another on one keep-alive connection (W8: few,
// large syncs). Not autocannon: it checks `amount` only on its 1-second tick, so 10 requests of
// 50 ms would count as one second. Throughput here is requests / time spent waiting for answers;
// building the next 1,000-customer body in this process is not charged to the target.
import { Agent, request } from 'node:http';
import { sampleRss } from './rss';
import { API_KEY_HEADER } from './workloads';
import type { LoadSample } from './load';
import type { Target } from './targets';
import type { WireRequest, WriteWorkload } from './write-workloads';

function send(agent: Agent, port: number, r: WireRequest, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: r.path, method: r.method, agent, timeout: 120_000,
      headers: { ...r.headers, ...headers, 'content-length': String(Buffer.byteLength(r.body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${r.method} ${r.path}: timed out`)));
    req.on('error', reject);
    req.end(r.body);
  });
}

const nearestRank = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** `amount` requests in sequence; any non-2xx fails the run, as under autocannon. */
export async function runSequential(t: Target, w: WriteWorkload, apiKey: string, amount: number): Promise<LoadSample> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const auth = { ...(t.authHeaders ?? { [API_KEY_HEADER]: apiKey }) };
  const stopSampling = sampleRss(t.pid);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < amount; i++) {
      const r = w.next();
      const started = process.hrtime.bigint();
      const res = await send(agent, t.port, r, auth);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.status < 200 || res.status > 299) throw new Error(`${w.id} ${t.name}: HTTP ${res.status} under load: ${res.body.slice(0, 300)}`);
    }
  } finally {
    agent.destroy();
  }
  const peakRssMiB = stopSampling();
  const busyMs = latencies.reduce((a, b) => a + b, 0);
  const sorted = [...latencies].sort((a, b) => a - b);
  return { reqPerSec: amount / (busyMs / 1000), p50Ms: nearestRank(sorted, 50), p99Ms: nearestRank(sorted, 99), requests: amount, peakRssMiB };
}

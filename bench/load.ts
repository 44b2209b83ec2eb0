// One timed load run (autocannon, 10 connections for reads) against one target and workload, with the
// target's RSS sampled meanwhile. Any non-2xx or socket error fails the run: throughput of errors
// (e.g. 429s) would flatter the service.
import autocannon from 'autocannon';
import { sampleRss } from './rss';
import { API_KEY_HEADER, type Workload } from './workloads';
import type { WriteWorkload } from './write-workloads';
import type { Target } from './targets';

export const CONNECTIONS = 10;

/** Reads send one fixed request line; writes build every request (rotating ids, fresh values). */
function requests(w: Workload | WriteWorkload): autocannon.Request[] {
  if ('path' in w) return [{ method: 'GET', path: w.path }];
  const next = w.next;
  return [{ setupRequest: (req: autocannon.Request) => {
    const r = next();
    return { ...req, method: r.method as autocannon.Request['method'], path: r.path, headers: { ...req.headers, ...r.headers }, body: r.body };
  } }];
}

export interface LoadSample {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly peakRssMiB: number | undefined;
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** autocannon's callback form, to also get the instance and so each response's time. */
function cannon(opts: autocannon.Options, onLatency: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err: unknown, result: autocannon.Result) => (err ? reject(err) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, responseTime) => onLatency(responseTime));
  });
}

export async function runLoad(t: Target, w: Workload | WriteWorkload, apiKey: string, seconds: number): Promise<LoadSample> {
  const stopSampling = sampleRss(t.pid);
  // autocannon's own histogram keeps whole milliseconds only; sub-ms answers need the raw times.
  const latencies: number[] = [];
  const answeredOk = 'answeredOk' in w ? w.answeredOk : undefined;
  const result = await cannon({
    url: `http://127.0.0.1:${t.port}`,
    // requests[].path is sent verbatim; `url` would go through url.parse, which re-escapes quotes.
    requests: requests(w),
    headers: { ...(t.authHeaders ?? { [API_KEY_HEADER]: apiKey }) },
    connections: 'connections' in w ? w.connections : CONNECTIONS,
    duration: seconds,
    timeout: 10,
    ...(answeredOk ? { verifyBody: (body: autocannon.Request['body']) => answeredOk(String(body)) } : {}),
  }, (ms) => latencies.push(ms));
  const peakRssMiB = stopSampling();
  if (result.mismatches > 0) throw new Error(`${w.id} ${t.name}: ${result.mismatches} answers reported a failed operation under load`);
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = JSON.stringify(result.statusCodeStats ?? {});
    throw new Error(`${w.id} ${t.name}: ${result.non2xx} non-2xx responses (${codes}), ${result.errors} errors, ${result.timeouts} timeouts under load`);
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    reqPerSec: result.requests.total / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    requests: result.requests.total,
    peakRssMiB,
  };
}

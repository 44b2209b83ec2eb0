// Worst-case parser input: an ~8 KiB $filter of nested parentheses, just under the 8 KiB URL limit
// so it reaches the expression parser (over the limit it would be a cheap 414). The service should
// reject it (400) in under 5 ms; measured over sequential requests on one keep-alive connection,
// from a fresh process (probeInChild): measured from the bench process right after minutes of load
// generation, that process's own pauses (its heap holds every latency sample) counted as the
// server's — in-bench maxima of 6–40 ms where a fresh process, after the same load, saw 3–6 ms.
import { execFile } from 'node:child_process';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { httpGet } from './http-get';
import { API_KEY_HEADER } from './workloads';
import { runFullGc } from '../src/server/full-gc';

const URL_LIMIT = 8192;
const MARGIN = 16;
const WARMUP = 3;

export interface ProbeResult {
  readonly urlBytes: number;
  readonly depth: number;
  readonly requests: number;
  /** status → count */
  readonly statuses: Readonly<Record<string, number>>;
  /** OData error code of the first answer, if it was one */
  readonly errorCode: string | undefined;
  readonly medianMs: number;
  readonly maxMs: number;
}

/** `/odata/Products?$filter=((((…Name eq 'x'…))))` — parentheses left raw (legal in a query) for maximum depth. */
export function nestedFilterPath(): { path: string; depth: number } {
  const prefix = '/odata/Products?$filter=';
  const core = 'Name%20eq%20%27x%27';
  const depth = Math.floor((URL_LIMIT - MARGIN - prefix.length - core.length) / 2);
  return { path: `${prefix}${'('.repeat(depth)}${core}${')'.repeat(depth)}`, depth };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

function errorCodeOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

export async function probeNestedFilter(port: number, apiKey: string, requests = 50): Promise<ProbeResult> {
  const { path, depth } = nestedFilterPath();
  const headers = { [API_KEY_HEADER]: apiKey };
  for (let i = 0; i < WARMUP; i++) await httpGet(port, path, headers);
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let errorCode: string | undefined;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const res = await httpGet(port, path, headers, 5000);
    times.push(performance.now() - started);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (i === 0) errorCode = errorCodeOf(res.body);
  }
  return { urlBytes: Buffer.byteLength(path), depth, requests, statuses, errorCode, medianMs: median(times), maxMs: Math.max(...times) };
}

/**
 * probeNestedFilter in a child process (filter-probe-child), which inherits this process's CPU.
 * This process first collects its own garbage: after minutes of load generation its heap is large,
 * and V8 collects it once allocation stops — which is when the probe starts, on the same core.
 */
export function probeInChild(port: number, apiKey: string): Promise<ProbeResult> {
  runFullGc();
  const file = join(__dirname, `filter-probe-child${extname(__filename)}`);
  const env = { ...process.env, BENCH_API_KEY: apiKey };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...process.execArgv, file, String(port)], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`filter probe: ${stderr.trim() || err.message}`));
      resolve(JSON.parse(stdout) as ProbeResult);
    });
  });
}

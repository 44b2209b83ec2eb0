// Measures the read path in process (no HTTP, no pipeline): µs per request (10th percentile) of the read engine
// (plan, SQL, row conversion) and of the serializer for the benchmark's W2–W4, so serializer work
// can be judged apart from machine noise. Usage: npx tsx scripts/measure-serialize.ts <sqlite file>
// [tenant]; ONLY=W4 runs one workload, META=full|none another metadata level.
import { openDatabase } from '../src/data/db';
import { executeRead } from '../src/data/read/execute-read';
import { parseODataUri } from '../src/odata/uri';
import { DEFAULT_LIMITS } from '../src/odata/uri/limits';
import { serializeForClient } from '../legacy-compat/naming/serialize-read';
import type { ResponseFormat } from '../src/odata/format/response-format';

const WORKLOADS: Record<string, [string, string]> = {
  W2: ['/Customers', "$filter=Address/City eq 'Berlin' and CreditLimit gt 1000&$orderby=Name&$top=50"],
  W3: ['/Products', "$filter=contains(Name,'bolt')&$select=ID,Name,ListPrice&$top=100"],
  W4: ['/Customers', '$expand=Contacts&$top=100'],
};
const ROUNDS = 500;
const WARM_UP = 100;

// the 10th percentile: the machine is shared, and contention only ever adds time
const p10 = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 10)] ?? 0;
const micros = (from: bigint, to: bigint): number => Number(to - from) / 1000;

async function measure(db: ReturnType<typeof openDatabase>, tenantId: string, path: string, query: string, format: ResponseFormat): Promise<string> {
  const uri = parseODataUri(path, query, DEFAULT_LIMITS);
  const ctx = { db, scope: { tenantId }, serviceRoot: 'http://localhost/odata', resourcePath: path, rawQuery: query, pageSize: 100, limits: DEFAULT_LIMITS, now: new Date() };
  const read: number[] = [];
  const write: number[] = [];
  let chars = 0;
  for (let i = 0; i < ROUNDS + WARM_UP; i++) {
    const t0 = process.hrtime.bigint();
    const r = await executeRead(uri, ctx);
    const t1 = process.hrtime.bigint();
    // encoded as the response write would, chunk by chunk: a chunk left as a rope is flattened there
    const body = serializeForClient(r, uri.options, ctx, format).body ?? '';
    chars = 0;
    for (const chunk of typeof body === 'string' ? [body] : body) chars += Buffer.from(chunk, 'utf8').length;
    const t2 = process.hrtime.bigint();
    if (i >= WARM_UP) {
      read.push(micros(t0, t1));
      write.push(micros(t1, t2));
    }
  }
  return `read ${p10(read).toFixed(0)} µs, serialize+encode ${p10(write).toFixed(0)} µs (p10 of ${ROUNDS}), ${chars} bytes`;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: measure-serialize.ts <sqlite file> [tenant]');
  const db = openDatabase(`sqlite:${file}`);
  const format: ResponseFormat = { metadata: (process.env.META as ResponseFormat['metadata'] | undefined) ?? 'minimal', ieee754: false };
  for (const [name, [path, query]] of Object.entries(WORKLOADS)) {
    if (process.env.ONLY && process.env.ONLY !== name) continue;
    console.log(`${name}: ${await measure(db, process.argv[3] ?? 'bench', path, query, format)}`);
  }
  await db.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

// The 8 KiB $filter probe in a process of its own (filter-probe.ts probeInChild): prints the result
// as one JSON line. Port as the argument, the API key in BENCH_API_KEY (not on the command line).
import { probeNestedFilter } from './filter-probe';
import { closeHttpAgent } from './http-get';

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  const apiKey = process.env.BENCH_API_KEY;
  if (!Number.isInteger(port) || !apiKey) throw new Error('usage: filter-probe-child <port> (BENCH_API_KEY set)');
  process.stdout.write(`${JSON.stringify(await probeNestedFilter(port, apiKey))}\n`);
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`filter probe failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(closeHttpAgent);

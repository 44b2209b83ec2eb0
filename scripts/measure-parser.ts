// Times the URL parser on hostile and large inputs (not a test: timings depend on the machine).
// Run: npx tsx scripts/measure-parser.ts
import { performance } from 'node:perf_hooks';
import { parseODataUri } from '../src/odata/uri';
import { DEFAULT_LIMITS, type ODataLimits } from '../src/odata/uri/limits';

const URL_LIMIT = DEFAULT_LIMITS.maxUrlLength;

function time(run: () => void, repeat: number): { medianMs: number; maxMs: number; outcome: string } {
  const samples: number[] = [];
  let outcome = 'parsed';
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    try {
      run();
    } catch (e) {
      outcome = (e as Error).constructor.name;
    }
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)] ?? 0, maxMs: samples.at(-1) ?? 0, outcome };
}

function report(label: string, bytes: number, r: ReturnType<typeof time>): void {
  console.log(`${label.padEnd(44)} ${String(bytes).padStart(8)} B  median ${r.medianMs.toFixed(3)} ms  max ${r.maxMs.toFixed(3)} ms  → ${r.outcome}`);
}

/** $filter=((((…Name eq 'x'…)))) filling the URL limit, as bench/filter-probe.ts sends it */
function deepParentheses(bytes: number): string {
  const core = 'Name%20eq%20%27x%27';
  const depth = Math.floor((bytes - '/Products?$filter='.length - core.length) / 2);
  return `$filter=${'('.repeat(depth)}${core}${')'.repeat(depth)}`;
}

/** $filter=a eq 1 or a eq 2 or … of about `bytes` */
function flatChain(bytes: number): string {
  const terms: string[] = [];
  let length = '$filter='.length;
  for (let i = 1; length < bytes; i++) {
    const term = `a%20eq%20${i}`;
    terms.push(term);
    length += term.length + 8;
  }
  return `$filter=${terms.join('%20or%20')}`;
}

function main(): void {
  console.log('Default limits (8 KiB URL, 200 nodes, depth 32):');
  const deep = deepParentheses(URL_LIMIT - 16);
  report('8 KiB $filter of nested parentheses', deep.length, time(() => parseODataUri('/Products', deep), 200));
  const flat = flatChain(URL_LIMIT - 64);
  report('8 KiB flat "a eq 1 or a eq 2 or …"', flat.length, time(() => parseODataUri('/Products', flat), 200));
  console.log('\nGrowth with the node limit lifted (nodes 10^7, URL 10^8): flat or-chain');
  const open: ODataLimits = { ...DEFAULT_LIMITS, maxFilterNodes: 1e7, maxUrlLength: 1e8 };
  for (const kib of [8, 16, 32, 64, 128, 256, 512, 1024]) {
    const q = flatChain(kib * 1024);
    report(`flat chain, ${kib} KiB`, q.length, time(() => parseODataUri('/Products', q, open), 20));
  }
  console.log('\nGrowth with the depth limit lifted (depth 2000): nested parentheses');
  const deepOpen: ODataLimits = { ...open, maxExpressionDepth: 2000 };
  for (const depth of [125, 250, 500, 1000, 2000]) {
    const q = `$filter=${'('.repeat(depth)}a eq 1${')'.repeat(depth)}`;
    report(`nested parentheses, depth ${depth}`, q.length, time(() => parseODataUri('/Products', q, deepOpen), 50));
  }
}

main();

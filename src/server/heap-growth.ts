// The old-space growth factor the gateway runs with. V8 lets the old space grow to ~3–4× what the
// last full GC left live before it collects again (its factor for machines with large memory);
// with ~25 MiB live after start-up (loaded code, the model, libsodium) the old space peaked near
// 90 MiB under load, mostly dead request objects. A fixed 50 % kept that near 40 MiB: peak RSS over
// the benchmark reads 163 → 141 MiB (2026-12-07). 30 % took the bench's reads-only peak from 150
// to 142 MiB (2026-12-08) for 7 instead of 5 full GCs in 40 s of W1–W5 load (90 vs 73 ms of GC
// in all), with the throughput ratios unchanged. The flag is one V8 reads on every GC, so setting
// it at run time takes effect (unlike the semi-space size, fixed when the heap is created).
import v8 from 'node:v8';

export const DEFAULT_HEAP_GROWTH_PERCENT = 30;

/** Whether the process was started with its own growth setting (node flag or NODE_OPTIONS), which wins. */
function setAtLaunch(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('heap-growing-percent') || a.includes('heap_growing_percent'));
}

/** 0 leaves V8's own policy; otherwise each full GC lets the old space grow by `percent` of what stayed live. */
export function applyHeapGrowth(percent: number): void {
  if (percent === 0 || setAtLaunch()) return;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

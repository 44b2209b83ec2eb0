// A full garbage collection on demand. `serve`/`demo` run one once the gateway has started; the
// bench runs one in its own process before the filter probe (bench/filter-probe.ts says why).
// Why at start: until V8's first full GC, the old space may grow to its initial limit whatever is
// live. Under the benchmark's reads it reached ~61 MiB before the first mark-compact took it to
// ~35, and that overshoot was the process's peak RSS (166 MiB in a 25 s-per-workload run).
// Collected once at start, the old space's next limit follows what is live then (~25 MiB, grown by
// the heap-growth setting): the same run peaked at 145 MiB. The collection takes ~30 ms, before the
// first request. Node offers no API for it, so `gc` is taken from a fresh vm context while
// --expose-gc is set, and the flag is cleared again: nothing else (no global `gc`, no later
// context) sees it.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

export function runFullGc(): void {
  v8.setFlagsFromString('--expose-gc');
  try {
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    if (typeof gc === 'function') gc();
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

// runFullGc runs a full GC (a WeakRef's target is cleared only by one) and leaves no
// `gc` behind, neither on the global object nor in a context created afterwards. In a child
// process, so this test runner's own heap and flags stay as they are.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULE = join(__dirname, '../../../src/server/full-gc.ts');

const CHILD = `
const { runInNewContext } = require('node:vm');
const { runFullGc } = require(${JSON.stringify(MODULE)});
let target = { payload: new Array(100000).fill(1) };
const ref = new WeakRef(target);
target = undefined;
// deref() keeps its target alive until the current job ends, hence one job per step
const before = ref.deref() !== undefined;
setTimeout(() => {
  runFullGc();
  setTimeout(() => {
    process.stdout.write(JSON.stringify({
      before,
      after: ref.deref() !== undefined,
      globalGc: typeof globalThis.gc,
      laterContextGc: runInNewContext('typeof gc'),
    }));
  }, 0);
}, 0);
`;

describe('runFullGc', () => {
  it('collects what only a weak reference holds and exposes no gc function', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', CHILD], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ before: true, after: false, globalGc: 'undefined', laterContextGc: 'undefined' });
  });
});

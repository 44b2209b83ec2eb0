// The growth setting reaches V8 as its flag, 0 leaves V8's own policy, and a growth flag given at
// launch (node option or NODE_OPTIONS) wins over ours.
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyHeapGrowth } from '../../../src/server/heap-growth';

const nodeOptions = process.env.NODE_OPTIONS;
afterEach(() => {
  vi.restoreAllMocks();
  if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = nodeOptions;
});

function flagsSetBy(percent: number): string[] {
  const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
  applyHeapGrowth(percent);
  return set.mock.calls.map((c) => c[0]);
}

describe('applyHeapGrowth', () => {
  it('given a percentage, then V8 gets it as --heap-growing-percent', () => {
    delete process.env.NODE_OPTIONS;
    expect(flagsSetBy(50)).toEqual(['--heap-growing-percent=50']);
  });

  it('given 0, then no flag is set', () => {
    delete process.env.NODE_OPTIONS;
    expect(flagsSetBy(0)).toEqual([]);
  });

  it('given the flag in NODE_OPTIONS, then the launch setting is left alone', () => {
    process.env.NODE_OPTIONS = '--heap-growing-percent=80';
    expect(flagsSetBy(50)).toEqual([]);
  });
});

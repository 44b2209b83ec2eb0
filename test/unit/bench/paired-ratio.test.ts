// The bench's ratio pairs targets by round and takes the median, so one slow-down between two
// targets' runs does not decide a workload's ratio.
import { describe, expect, it } from 'vitest';
import { pairedRatio, roundRatios } from '../../../bench/paired-ratio';

const cell = (...reqPerSec: number[]) => ({ rounds: reqPerSec.map((r) => ({ reqPerSec: r, p50Ms: 1, p99Ms: 2, requests: r * 5, peakRssMiB: undefined })) });

describe('pairedRatio', () => {
  it('pairs rounds by index', () => {
    expect(roundRatios(cell(100, 200, 300), cell(200, 200, 200))).toEqual([0.5, 1, 1.5]);
  });

  it('takes the median of the per-round ratios, not the ratio of the means', () => {
    // the machine halved its speed between express's and the service's first round
    const express = cell(322, 177, 179);
    const service = cell(162, 176, 183);
    expect(pairedRatio(service, express)).toBeCloseTo(176 / 177, 10);
    expect((162 + 176 + 183) / (322 + 177 + 179)).toBeLessThan(0.8);
  });

  it('averages the middle two of an even number of rounds, and is undefined without both targets', () => {
    expect(pairedRatio(cell(1, 2, 3, 4), cell(1, 1, 1, 1))).toBe(2.5);
    expect(pairedRatio(cell(1), undefined)).toBeUndefined();
  });
});

// Turns the measured rounds into the result: per workload × target means, ratios and the issue's
// targets (service/express ≥ 0.9 everywhere, service peak RSS ≤ 150 MiB, 8 KiB $filter < 5 ms),
// as JSON (bench/results/latest.json) and as a markdown table for the README.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoadSample } from './load';
import type { ProbeResult } from './filter-probe';
import type { BodyDifference } from './verify-answers';
import type { TargetName } from './targets';
import type { Workload } from './workloads';
import { writeTables, type WriteResult } from './write-report';
import { pairedRatio, roundRatios } from './paired-ratio';

export const TARGET_RATIO = 0.9;
export const TARGET_RSS_MIB = 150;
export const TARGET_FILTER_MS = 5;

export interface Cell {
  /** mean over rounds */
  readonly reqPerSec: number;
  /** mean over rounds of each round's p50 / p99 */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** highest VmRSS sampled during this workload's rounds */
  readonly peakRssMiB: number | undefined;
  readonly rounds: readonly LoadSample[];
}

export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly entities: number;
  readonly cells: Partial<Record<TargetName, Cell>>;
  /** bearerService: the same service with a Bearer token instead of the key (cost of token verification) */
  /** serviceTuned: against the Express baseline on the service's kind of server (not a target) */
  readonly ratios: { serviceRaw?: number; expressRaw?: number; serviceExpress?: number; serviceTuned?: number; bearerService?: number };
}

export interface BenchReport {
  readonly generatedAt: string;
  readonly machine: { readonly cpus: number; readonly node: string; readonly platform: string; readonly pinning: string };
  readonly config: { readonly seconds: number; readonly rounds: number; readonly connections: number };
  readonly fixture: Readonly<Record<string, number>>;
  readonly workloads: readonly WorkloadResult[];
  /** W6–W8 (write-report.ts); empty when BENCH_WORKLOADS leaves them out */
  readonly writes: readonly WriteResult[];
  /** VmHWM (lifetime peak RSS) of each server process at the end of the run */
  readonly peakRssMiB: Partial<Record<TargetName, number>>;
  /** VmHWM again after W6–W8 (undefined when none ran); peakRssMiB is taken before them */
  readonly peakRssAfterWritesMiB: Partial<Record<TargetName, number>> | undefined;
  readonly filterProbe: ProbeResult | undefined;
  readonly differences: readonly BodyDifference[];
  readonly targetsMet: {
    readonly ratio: boolean | undefined; readonly rss: boolean | undefined; readonly filter: boolean | undefined;
    readonly writeRatio: boolean | undefined; readonly syncRows: boolean | undefined;
  };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function aggregate(rounds: readonly LoadSample[]): Cell {
  const rss = rounds.map((r) => r.peakRssMiB).filter((x): x is number => x !== undefined);
  return {
    reqPerSec: mean(rounds.map((r) => r.reqPerSec)),
    p50Ms: mean(rounds.map((r) => r.p50Ms)),
    p99Ms: mean(rounds.map((r) => r.p99Ms)),
    peakRssMiB: rss.length ? Math.max(...rss) : undefined,
    rounds,
  };
}

const ratio = pairedRatio;

export function workloadResult(w: Workload, entities: number, cells: Partial<Record<TargetName, Cell>>): WorkloadResult {
  return {
    id: w.id, title: w.title, path: w.path, entities, cells,
    ratios: {
      serviceRaw: ratio(cells.service, cells.raw),
      expressRaw: ratio(cells.express, cells.raw),
      serviceExpress: ratio(cells.service, cells.express),
      serviceTuned: ratio(cells.service, cells.tuned),
      bearerService: ratio(cells.bearer, cells.service),
    },
  };
}

/** Which of the issue's targets are met; undefined where the service was not measured. */
export function targetsMet(workloads: readonly WorkloadResult[], serviceRss: number | undefined, probe: ProbeResult | undefined): Pick<BenchReport['targetsMet'], 'ratio' | 'rss' | 'filter'> {
  const ratios = workloads.map((w) => w.ratios.serviceExpress);
  return {
    ratio: ratios.length === 0 || ratios.some((r) => r === undefined) ? undefined : ratios.every((r) => (r ?? 0) >= TARGET_RATIO),
    rss: serviceRss === undefined ? undefined : serviceRss <= TARGET_RSS_MIB,
    filter: probe === undefined ? undefined : probe.maxMs < TARGET_FILTER_MS && (probe.statuses['400'] ?? 0) === probe.requests,
  };
}

const f0 = (x: number | undefined) => (x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const f1 = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(x < 10 ? 2 : 1));
const f2 = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✅' : ' ❌');

function throughputTable(r: BenchReport): string[] {
  const lines = ['| Workload | Target | req/s | p50 ms | p99 ms | peak RSS MiB |', '|---|---|---:|---:|---:|---:|'];
  for (const w of r.workloads) {
    for (const [name, cell] of Object.entries(w.cells)) {
      lines.push(`| ${w.id} | ${name} | ${f0(cell.reqPerSec)} | ${f1(cell.p50Ms)} | ${f1(cell.p99Ms)} | ${f0(cell.peakRssMiB)} |`);
    }
  }
  return lines;
}

function ratioTable(r: BenchReport): string[] {
  const lines = [`| Workload | entities | service/raw | express/raw | service/express (≥ ${TARGET_RATIO}; per round) | service/tuned | bearer/key |`, '|---|---:|---:|---:|---:|---:|---:|'];
  for (const w of r.workloads) {
    const se = w.ratios.serviceExpress;
    const rounds = w.cells.service && w.cells.express ? ` (${roundRatios(w.cells.service, w.cells.express).map(f2).join(' / ')})` : '';
    lines.push(`| ${w.id} \`${w.title.replace(/\|/g, '\\|')}\` | ${w.entities} | ${f2(w.ratios.serviceRaw)} | ${f2(w.ratios.expressRaw)} | ${f2(se)}${mark(se === undefined ? undefined : se >= TARGET_RATIO)}${rounds} | ${f2(w.ratios.serviceTuned)} | ${f2(w.ratios.bearerService)} |`);
  }
  return lines;
}

function targetLines(r: BenchReport): string[] {
  const p = r.filterProbe;
  const rss = r.peakRssMiB;
  const probe = p
    ? `8 KiB nested \`$filter\` (${p.urlBytes} B URL, depth ${p.depth}), ${p.requests} sequential requests: ` +
      `status ${JSON.stringify(p.statuses)}${p.errorCode ? ` (${p.errorCode})` : ''}, median ${f2(p.medianMs)} ms, max ${f2(p.maxMs)} ms ` +
      `(target: 400 in < ${TARGET_FILTER_MS} ms)${mark(r.targetsMet.filter)}`
    : '8 KiB nested `$filter`: not measured (no service)';
  return [
    `- Peak RSS over the reads (VmHWM): raw ${f0(rss.raw)} MiB, express ${f0(rss.express)} MiB, tuned ${f0(rss.tuned)} MiB, service ${f0(rss.service)} MiB ` +
      `(target: service ≤ ${TARGET_RSS_MIB} MiB)${mark(r.targetsMet.rss)}`,
    `- ${probe}`,
    ...(r.peakRssAfterWritesMiB ? [`- Peak RSS after the writes (VmHWM, not a target): raw ${f0(r.peakRssAfterWritesMiB.raw)} MiB, ` +
      `express ${f0(r.peakRssAfterWritesMiB.express)} MiB, service ${f0(r.peakRssAfterWritesMiB.service)} MiB`] : []),
  ];
}

export function markdownReport(r: BenchReport): string {
  const c = r.config;
  return [
    `Benchmark ${r.generatedAt} — ${r.machine.cpus} CPUs (${r.machine.pinning}), Node ${r.machine.node}, SQLite; ` +
      `${c.rounds} rounds × ${c.seconds} s per target and workload (targets alternated), ${c.connections} connections for reads (writes: see below).`,
    '',
    ...(r.workloads.length ? [...throughputTable(r), '', ...ratioTable(r), ''] : []),
    ...(r.writes.length ? [...writeTables(r.writes), ''] : []),
    ...targetLines(r),
  ].join('\n');
}

export function writeJsonReport(r: BenchReport, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
}

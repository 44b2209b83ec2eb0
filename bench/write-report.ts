// The write workloads' (W6–W8) part of the result: req/s and rows/s per target, service/express
// against the CQRS issue's targets (≥ 0.8 for W6 and W7 — the service also writes events, outbox
// and audit rows, the baselines do not — and ≥ 20,000 rows/s for the W8 sync on SQLite).
import type { Cell } from './report';
import { pairedRatio } from './paired-ratio';
import type { TargetName } from './targets';
import type { WriteWorkload } from './write-workloads';

export const TARGET_WRITE_RATIO = 0.8;
export const TARGET_SYNC_ROWS_PER_SEC = 20_000;

export interface WriteResult {
  readonly id: string;
  readonly title: string;
  readonly rowsPerRequest: number;
  readonly connections: number;
  /** fixed requests per timed run (W8), else the run lasted BENCH_SECONDS */
  readonly amount: number | undefined;
  readonly cells: Partial<Record<TargetName, Cell>>;
  readonly rowsPerSec: Partial<Record<TargetName, number>>;
  readonly ratios: { serviceRaw?: number; expressRaw?: number; serviceExpress?: number };
}

const ratio = pairedRatio;

export function writeResult(w: WriteWorkload, cells: Partial<Record<TargetName, Cell>>): WriteResult {
  const rowsPerSec = Object.fromEntries(Object.entries(cells).map(([name, c]) => [name, c.reqPerSec * w.rowsPerRequest]));
  return {
    id: w.id, title: w.title, rowsPerRequest: w.rowsPerRequest, connections: w.connections, amount: w.amount, cells, rowsPerSec,
    ratios: { serviceRaw: ratio(cells.service, cells.raw), expressRaw: ratio(cells.express, cells.raw), serviceExpress: ratio(cells.service, cells.express) },
  };
}

/** W6/W7 service/express ≥ 0.8 and W8 service rows/s ≥ 20,000; undefined where not measured. */
export function writeTargetsMet(writes: readonly WriteResult[]): { writeRatio: boolean | undefined; syncRows: boolean | undefined } {
  const ratios = writes.filter((w) => w.id !== 'W8').map((w) => w.ratios.serviceExpress);
  const sync = writes.find((w) => w.id === 'W8')?.rowsPerSec.service;
  return {
    writeRatio: ratios.length === 0 || ratios.some((r) => r === undefined) ? undefined : ratios.every((r) => (r ?? 0) >= TARGET_WRITE_RATIO),
    syncRows: sync === undefined ? undefined : sync >= TARGET_SYNC_ROWS_PER_SEC,
  };
}

const f0 = (x: number | undefined) => (x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const f1 = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(x < 10 ? 2 : 1));
const f2 = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✅' : ' ❌');

export function writeTables(writes: readonly WriteResult[]): string[] {
  if (!writes.length) return [];
  const lines = ['| Workload | Target | req/s | rows/s | p50 ms | p99 ms | peak RSS MiB |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const w of writes) {
    for (const [name, cell] of Object.entries(w.cells)) {
      lines.push(`| ${w.id} | ${name} | ${f1(cell.reqPerSec)} | ${f0(w.rowsPerSec[name as TargetName])} | ${f1(cell.p50Ms)} | ${f1(cell.p99Ms)} | ${f0(cell.peakRssMiB)} |`);
    }
  }
  lines.push('', `| Write workload | connections | rows/request | service/raw | express/raw | service/express (W6, W7 ≥ ${TARGET_WRITE_RATIO}) | service rows/s (W8 ≥ ${f0(TARGET_SYNC_ROWS_PER_SEC)}) |`,
    '|---|---:|---:|---:|---:|---:|---:|');
  for (const w of writes) {
    const se = w.ratios.serviceExpress;
    const rows = w.rowsPerSec.service;
    const seMark = w.id === 'W8' ? '' : mark(se === undefined ? undefined : se >= TARGET_WRITE_RATIO);
    const rowsMark = w.id === 'W8' ? mark(rows === undefined ? undefined : rows >= TARGET_SYNC_ROWS_PER_SEC) : '';
    const runs = w.amount === undefined ? '' : `, ${w.amount} requests per run`;
    lines.push(`| ${w.id} \`${w.title.replace(/\|/g, '\\|')}\` | ${w.connections}${runs} | ${f0(w.rowsPerRequest)} | ${f2(w.ratios.serviceRaw)} | ${f2(w.ratios.expressRaw)} | ` +
      `${f2(se)}${seMark} | ${f0(rows)}${rowsMark} |`);
  }
  return lines;
}

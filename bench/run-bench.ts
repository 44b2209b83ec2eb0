// `npm run bench`: seeds a fresh SQLite fixture through the CLI, starts the raw, Express and service
// targets, checks they give the same answers (and that their writes land), then load-tests the five
// read workloads and the three write workloads (W6–W8) with the targets alternated in rounds, and
// reports throughput, latency, memory and the issues' targets.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { killChildrenOnExit, stopAll } from './children';
import { pinLoadGenerator, pinningNote } from './cpu-pinning';
import { closeHttpAgent } from './http-get';
import { disposeFixture, prepareFixture, verifyFixture, type Fixture } from './seed-fixture';
import { bearerTarget, startTarget, TARGET_NAMES, type Target, type TargetName } from './targets';
import { verifyAnswers, type Verification } from './verify-answers';
import { CONNECTIONS, runLoad, type LoadSample } from './load';
import { probeInChild } from './filter-probe';
import { hwmMiB } from './rss';
import { aggregate, markdownReport, targetsMet, workloadResult, writeJsonReport, type BenchReport, type WorkloadResult } from './report';
import { WORKLOADS, type Workload } from './workloads';
import { WRITE_WORKLOADS, type WriteWorkload } from './write-workloads';
import { verifyWrites } from './verify-writes';
import { runSequential } from './sequential-load';
import { removeSyncRows } from './write-cleanup';
import { writeResult, writeTargetsMet, type WriteResult } from './write-report';

interface Settings {
  readonly seconds: number;
  readonly rounds: number;
  readonly warmupSeconds: number;
  readonly targets: readonly TargetName[];
  readonly reads: readonly Workload[];
  readonly writes: readonly WriteWorkload[];
}

/** BENCH_WORKLOADS=W1,W6 runs a subset (default: all of W1–W8). */
function selectWorkloads(): { reads: Workload[]; writes: WriteWorkload[] } {
  const all = [...WORKLOADS.map((w) => w.id), ...WRITE_WORKLOADS.map((w) => w.id)] as string[];
  const raw = process.env.BENCH_WORKLOADS;
  const wanted = raw ? raw.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : all;
  const unknown = wanted.filter((id) => !all.includes(id));
  if (unknown.length || !wanted.length) throw new Error(`BENCH_WORKLOADS must name some of ${all.join(', ')} (unknown: ${unknown.join(', ')})`);
  return { reads: WORKLOADS.filter((w) => wanted.includes(w.id)), writes: WRITE_WORKLOADS.filter((w) => wanted.includes(w.id)) };
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a non-negative integer`);
  return v;
}

/** BENCH_SECONDS / BENCH_ROUNDS / BENCH_WARMUP_SECONDS; BENCH_TARGETS (e.g. raw,express) while the service is missing. */
function settings(): Settings {
  const targets = (process.env.BENCH_TARGETS ?? TARGET_NAMES.join(',')).split(',').map((s) => s.trim()) as TargetName[];
  if (targets[0] !== 'raw' || !targets.every((t) => TARGET_NAMES.includes(t))) {
    throw new Error(`BENCH_TARGETS must start with raw (the reference) and name only ${TARGET_NAMES.join(', ')}`);
  }
  return { seconds: positiveInt('BENCH_SECONDS', 5) || 1, rounds: positiveInt('BENCH_ROUNDS', 3) || 1, warmupSeconds: positiveInt('BENCH_WARMUP_SECONDS', 1), targets, ...selectWorkloads() };
}

/** The checkout root: the nearest ancestor with package.json (dist/bench under npm, bench/ under tsx). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above bench/');
    dir = up;
  }
  return dir;
}

async function startTargets(fx: Fixture, s: Settings, root: string): Promise<Target[]> {
  const started: Target[] = [];
  // The service first: `serve` migrates if needed, and the read-only baselines should open a settled file.
  for (const name of [...s.targets.filter((n) => n === 'service'), ...s.targets.filter((n) => n !== 'service' && n !== 'bearer')]) {
    started.push(await startTarget(name, fx, root));
    console.log(`  ${name} ready on 127.0.0.1:${started.at(-1)?.port} (pid ${started.at(-1)?.pid})`);
  }
  const service = started.find((t) => t.name === 'service');
  if (s.targets.includes('bearer')) {
    if (!service) throw new Error('BENCH_TARGETS: bearer needs service');
    started.push(await bearerTarget(service, fx.apiKey));
  }
  return s.targets.map((n) => started.find((t) => t.name === n) as Target);
}

function printDifferences(v: Verification): void {
  if (!v.differences.length) return console.log('  bodies equivalent across targets');
  console.log(`  ${v.differences.length} body difference(s) against raw (same entities; see latest.json):`);
  for (const d of v.differences.slice(0, 20)) {
    console.log(`    ${d.workload} ${d.target} ${d.path}: raw=${JSON.stringify(d.expected)} ${d.target}=${JSON.stringify(d.actual)}`);
  }
}

/** Warm-up, then `rounds` timed runs per target, target order rotated every round. */
async function measureWorkload(w: Workload | WriteWorkload, targets: readonly Target[], key: string, s: Settings): Promise<Map<TargetName, LoadSample[]>> {
  const samples = new Map<TargetName, LoadSample[]>(targets.map((t) => [t.name, []]));
  // A fixed-amount workload (W8) runs its requests in sequence and warms up with two (a create and an update).
  const amount = 'amount' in w ? w.amount : undefined;
  const once = (t: Target, seconds: number, n: number | undefined) =>
    (n === undefined || 'path' in w ? runLoad(t, w, key, seconds) : runSequential(t, w, key, n));
  if (s.warmupSeconds) for (const t of targets) await once(t, s.warmupSeconds, amount === undefined ? undefined : 2);
  for (let round = 0; round < s.rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
    for (const t of order) {
      const sample = await once(t, s.seconds, amount);
      samples.get(t.name)?.push(sample);
      const rate = sample.reqPerSec < 10 ? sample.reqPerSec.toFixed(2) : Math.round(sample.reqPerSec).toString();
      console.log(`  ${w.id} round ${round + 1}/${s.rounds} ${t.name.padEnd(7)} ${rate.padStart(6)} req/s ` +
        `p50 ${sample.p50Ms.toFixed(2)} ms p99 ${sample.p99Ms.toFixed(2)} ms`);
    }
  }
  return samples;
}

async function run(s: Settings, root: string): Promise<BenchReport> {
  console.log('seeding fixture via the CLI (10,000 customers × 3 contacts, 100,000 products)…');
  const fx = await prepareFixture(root);
  try {
    const counts = verifyFixture(fx.dbFile, fx.tenant);
    console.log(`  fixture ok in ${fx.seedSeconds.toFixed(1)} s: Berlin & CreditLimit>1000: ${counts.berlinOver1000}, names containing 'bolt': ${counts.bolt}`);
    // after seeding (its CLI children would inherit the load generator's single core)
    pinLoadGenerator();
    console.log(`starting targets… (${pinningNote()})`);
    const targets = await startTargets(fx, s, root);
    console.log('verifying answers…');
    const verification = await verifyAnswers(targets, fx.apiKey, s.reads);
    printDifferences(verification);
    for (const [id, n] of Object.entries(verification.entities)) if (n === 0) console.warn(`  warning: ${id} answers no entities — it measures an empty result`);
    const workloads: WorkloadResult[] = [];
    for (const w of s.reads) {
      const samples = await measureWorkload(w, targets, fx.apiKey, s);
      const cells = Object.fromEntries([...samples].map(([name, rounds]) => [name, aggregate(rounds)]));
      workloads.push(workloadResult(w, verification.entities[w.id] ?? 0, cells));
    }
    const service = targets.find((t) => t.name === 'service');
    const probe = service ? await probeInChild(service.port, fx.apiKey) : undefined;
    // The RSS target is the read issue's: taken before the writes, whose 4,000-row syncs raise the peak.
    const peakRssMiB = Object.fromEntries(targets.map((t) => [t.name, hwmMiB(t.pid)]));
    // Writes after all reads, so the reads see the seeded data set. The bearer target is the service
    // process again, so its writes are not measured twice.
    // (`tuned` is left out of the writes too: it answers the reads' question only, and W8 is slow.)
    const writeTargets = targets.filter((t) => t.name !== 'bearer' && t.name !== 'tuned');
    const writes: WriteResult[] = [];
    if (s.writes.length) {
      console.log('verifying writes…');
      await verifyWrites(s.writes, writeTargets, fx.apiKey, fx.dbFile, fx.tenant);
    }
    for (const w of s.writes) {
      const samples = await measureWorkload(w, writeTargets, fx.apiKey, s);
      writes.push(writeResult(w, Object.fromEntries([...samples].map(([name, rounds]) => [name, aggregate(rounds)]))));
    }
    const peakRssAfterWritesMiB = s.writes.length ? Object.fromEntries(writeTargets.map((t) => [t.name, hwmMiB(t.pid)])) : undefined;
    return {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, platform: `${process.platform}-${process.arch}`, pinning: pinningNote() },
      config: { seconds: s.seconds, rounds: s.rounds, connections: CONNECTIONS },
      fixture: { customers: 10_000, contactsPerCustomer: 3, products: 100_000, seedSeconds: fx.seedSeconds, ...counts },
      workloads,
      writes,
      peakRssMiB,
      peakRssAfterWritesMiB,
      filterProbe: probe,
      differences: verification.differences,
      // The RSS target is about the reads: without any, the peak says nothing about it.
      targetsMet: { ...targetsMet(workloads, s.reads.length ? peakRssMiB.service : undefined, probe), ...writeTargetsMet(writes) },
    };
  } finally {
    await stopAll();
    // A kept or reused fixture must stay the seeded data set for the next run.
    if (s.writes.length && (process.env.BENCH_KEEP === '1' || process.env.BENCH_REUSE_DIR)) removeSyncRows(fx.dbFile, fx.tenant);
    disposeFixture(fx);
  }
}

async function main(): Promise<void> {
  killChildrenOnExit(async () => { await stopAll(); });
  const root = repoRoot();
  const report = await run(settings(), root);
  const file = join(root, 'bench', 'results', 'latest.json');
  writeJsonReport(report, file);
  console.log(`\n${markdownReport(report)}\n\nresults: ${file}`);
}

main()
  .catch((err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll();
    closeHttpAgent();
  });

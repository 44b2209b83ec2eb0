// Puts the server under test and the load generator on separate cores (Linux `taskset`), so each
// target is measured on a core of its own rather than against autocannon's share of the same
// two: unpinned, the ratios of one workload swung by ±0.15 between full runs on a 2-core machine;
// pinned, short alternating runs agreed within a few per cent while the machine was quiet (a
// virtual machine's own drift remains). The targets (raw, express, service) all
// get the same core, CPU 1; the bench process (autocannon runs inside it) moves to CPU 0. The seed
// and other CLI steps are not pinned. BENCH_PIN=0 turns it off; without taskset or a second core
// the run is unpinned and says so.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const LOAD_CPU = '0';
const TARGET_CPU = '1';

function tasksetWorks(): boolean {
  const probe = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Whether this run pins; decided once. */
export const PINNED: boolean = process.env.BENCH_PIN !== '0' && process.platform === 'linux' && availableParallelism() >= 2 && tasksetWorks();

/**
 * Moves this process (the load generator) to its core, every thread of it (`-a`): without it only
 * the main thread moved, and V8's GC and compiler threads, started before, could still run on
 * the targets' core. A no-op when not pinning.
 */
export function pinLoadGenerator(): void {
  if (!PINNED) return;
  const r = spawnSync('taskset', ['-a', '-p', '-c', LOAD_CPU, String(process.pid)], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error('bench: taskset could not pin the load generator');
}

/** The command line that starts `command args` on the targets' core (taskset execs it: same pid). */
export function onTargetCore(command: string, args: readonly string[]): { command: string; args: string[] } {
  return PINNED ? { command: 'taskset', args: ['-c', TARGET_CPU, command, ...args] } : { command, args: [...args] };
}

export const pinningNote = (): string =>
  PINNED ? `targets pinned to CPU ${TARGET_CPU}, load generator to CPU ${LOAD_CPU}` : 'unpinned (BENCH_PIN=0, no taskset or one core): targets share the cores with the load generator';

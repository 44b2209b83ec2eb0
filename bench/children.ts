// Child processes of a bench run (CLI commands, the three servers): one registry, so that every
// child is killed on normal exit, error, SIGINT and SIGTERM — a bench run never leaves a server behind.
import { spawn, type ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();

/** Spawns a child tracked for clean-up; its stdin stays an open pipe (baselines exit when it closes). */
export function spawnTracked(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  const child = spawn(command, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export const stopAll = (): Promise<void[]> => Promise.all([...live].map((c) => stopChild(c)));

function killAllNow(): void {
  for (const c of live) c.kill('SIGKILL');
}

/** Installs the exit/signal hooks once; `onSignal` runs the async clean-up before exiting. */
export function killChildrenOnExit(onSignal: () => Promise<void>): void {
  process.once('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping servers…`);
      void onSignal().finally(() => process.exit(130));
    });
  }
}

// Memory of a server process from /proc/<pid>/status: VmRSS sampled while it is under load (peak per
// workload) and VmHWM, the kernel's own lifetime high-water mark. Linux only; undefined elsewhere.
import { readFileSync } from 'node:fs';

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] === undefined ? undefined : Number(m[1]);
  } catch {
    return undefined;
  }
}

const mib = (kib: number | undefined): number | undefined => (kib === undefined ? undefined : kib / 1024);

export const rssMiB = (pid: number): number | undefined => mib(statusKiB(pid, 'VmRSS'));
export const hwmMiB = (pid: number): number | undefined => mib(statusKiB(pid, 'VmHWM'));

/** Polls VmRSS every `everyMs` until stopped; returns the peak seen (MiB). */
export function sampleRss(pid: number, everyMs = 100): () => number | undefined {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    const now = rssMiB(pid);
    if (now !== undefined && (peak === undefined || now > peak)) peak = now;
  }, everyMs);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

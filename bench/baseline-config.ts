// Start-up settings of the baseline servers, given by run-bench through the environment, and the
// tie to the parent: when run-bench's end of stdin closes (exit, crash, kill) the baseline exits too.

export interface BaselineConfig {
  readonly dbFile: string;
  readonly tenant: string;
  readonly apiKey: string;
  readonly port: number;
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}

export function baselineConfig(): BaselineConfig {
  const port = Number(required('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be a port number');
  return { dbFile: required('BENCH_DB_FILE'), tenant: required('BENCH_TENANT'), apiKey: required('BENCH_API_KEY'), port };
}

/** Exit when the parent goes away, so an interrupted run never leaves a baseline listening. */
export function exitWithParent(): void {
  if (process.stdin.isTTY) return;
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}

/** Loopback only: benchmark traffic never leaves the machine. */
export const BIND_HOST = '127.0.0.1';

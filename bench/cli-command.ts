// Runs one `b2x-gateway … --json` command as a tracked child and returns its single JSON object;
// a failing command stops the bench with the command's own output.
import { spawnTracked } from './children';

export async function runCliJson(cliPath: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const child = spawnTracked(process.execPath, [cliPath, ...args], env, cwd);
  child.stdin?.end();
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
  child.stderr?.on('data', (c: Buffer) => { stderr = (stderr + c.toString('utf8')).slice(-4096); });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  const shown = `b2x-gateway ${args.join(' ')}`;
  if (code !== 0) throw new Error(`${shown} failed (exit ${code ?? 'killed'}):\n${stderr || stdout}`.trim());
  return parseJsonObject(shown, stdout);
}

/** The contract says exactly one JSON object on stdout; tolerate a trailing newline or log lines before it. */
function parseJsonObject(shown: string, stdout: string): Record<string, unknown> {
  const candidates = [stdout.trim(), ...stdout.trim().split('\n').reverse()];
  for (const text of candidates) {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // try the next candidate
    }
  }
  throw new Error(`${shown}: no JSON object on stdout:\n${stdout.slice(0, 2000)}`);
}

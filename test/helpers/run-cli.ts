// Runs `b2x-gateway` as a child process (tsx, no build) for CLI tests, and makes a fresh database
// URL per dialect for it (a SQLite file in `dir`, or a new PostgreSQL schema).
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PG_URL } from './databases';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((done) => {
    const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
    execFile(TSX, ['src/server/cli.ts', ...args], { cwd: ROOT, env: childEnv, timeout: 60_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The one JSON object a --json command prints (throws if there is not exactly one line). */
export function cliJson(r: CliRun): Record<string, unknown> {
  const lines = r.stdout.trim().split('\n');
  if (lines.length !== 1) throw new Error(`expected one JSON line, got: ${r.stdout}\n${r.stderr}`);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

export async function freshDatabaseUrl(dialect: string, dir: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { url: `sqlite:${join(dir, 'gateway.db')}`, drop: async () => undefined };
  const schema = `cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE SCHEMA ${schema}`);
  return { url: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`, drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

// Turns a failure into the CLI's answer: one line on stderr (plus one JSON object on stdout with
// --json) and the exit code — 2 for usage errors and unreadable input documents, 1 otherwise.
// Expected errors never show a stack trace; only genuine bugs do, since that is what a bug report needs.
import { LegacyMetadataError } from '../../compat/legacy-metadata-error';
import { DatabaseUrlError } from '../../data/db';
import { ConfigError } from '../../errors/config-error';
import { GatewayError } from '../../errors/gateway-error';
import { UsageError } from './usage-error';

/** Network/connection failures reaching the database: expected in operations, not bugs. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '28P01', '28000', '3D000', 'SQLITE_CANTOPEN', 'SQLITE_READONLY']);

interface Classified {
  readonly code: string;
  readonly message: string;
  readonly exitCode: 1 | 2;
  readonly stack?: string;
}

function classify(err: unknown): Classified {
  if (err instanceof UsageError) return { code: 'Usage', message: `${err.message} (see b2x-gateway --help)`, exitCode: 2 };
  if (err instanceof LegacyMetadataError) return { code: err.code, message: err.message, exitCode: 2 };
  if (err instanceof ConfigError || err instanceof DatabaseUrlError) return { code: 'Config', message: err.message, exitCode: 1 };
  if (err instanceof GatewayError) return { code: err.code, message: err.message, exitCode: 1 };
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) {
    return { code: 'DatabaseUnavailable', message: `cannot use the database (${code})`, exitCode: 1 };
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return { code: 'InternalError', message: `unexpected error: ${e.message}`, exitCode: 1, ...(e.stack ? { stack: e.stack } : {}) };
}

/** Writes the error and returns the exit code. */
export function reportError(err: unknown, json: boolean): number {
  const c = classify(err);
  process.stderr.write(`b2x-gateway: ${c.message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (c.stack !== undefined) process.stderr.write(`${c.stack}\n`);
  if (json) process.stdout.write(`${JSON.stringify({ error: { code: c.code, message: c.message } })}\n`);
  return c.exitCode;
}

// Database errors that a query's *values* can cause (arithmetic overflow, division by zero, a
// string too long for a cast) are the client's doing: they become a 400, never a 500. Only
// error codes are inspected; the database's message (which may quote SQL) is never passed on.
import { BadRequestError } from '../../errors/catalogue';

// PostgreSQL SQLSTATE class 22 "data exception" (22003 numeric_value_out_of_range, 22012
// division_by_zero, 22P02 invalid_text_representation, …) and 54001 statement_too_complex.
const PG_CLIENT_CODES = /^(22[0-9A-Z]{3}|54001)$/;
// SQLite reports integer overflow in arithmetic only through these messages.
const SQLITE_CLIENT_MESSAGES = /integer overflow|too many terms|Expression tree is too large/i;

export function asClientDataError(err: unknown): BadRequestError | undefined {
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e?.code === 'string' && PG_CLIENT_CODES.test(e.code)) {
    return new BadRequestError('The query cannot be evaluated for these values (numeric overflow or invalid arithmetic).');
  }
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_') && typeof e.message === 'string' && SQLITE_CLIENT_MESSAGES.test(e.message)) {
    return new BadRequestError('The query cannot be evaluated for these values (numeric overflow or too complex).');
  }
  return undefined;
}

/** Runs a read and turns value-caused database errors into 400s. */
export async function withClientDataErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asClientDataError(err) ?? err;
  }
}

// Recognises a primary-key / unique-constraint violation from either driver, so callers can turn
// a race-free INSERT into a ConflictError instead of checking first and racing.

/** SQLite SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE, PostgreSQL 23505 unique_violation. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

// Driver constraint violations → catalogue errors, recognised by SQLSTATE / SQLite code and the
// constraint's name only — the driver's message (which may quote SQL or values) is never passed on.
import { ConflictError, ValidationError, type GatewayError } from '../../errors/catalogue';
import { isUniqueViolation } from '../unique-violation';

export type WriteOperation = 'insert' | 'update' | 'delete';

/** Unique indexes on non-key properties (model-ddl.ts) → the property a duplicate is reported on. */
const UNIQUE_INDEX_PROPERTY: Readonly<Record<string, string>> = { ux_contacts_email: 'Email' };

function indexName(err: { constraint?: unknown; message?: unknown }): string | undefined {
  if (typeof err.constraint === 'string') return err.constraint;
  const m = typeof err.message === 'string' ? /index '([A-Za-z0-9_]+)'/.exec(err.message) : null;
  return m?.[1];
}

function isForeignKeyViolation(code: unknown): boolean {
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** The catalogue error for a constraint violation by a write to `setName`, or undefined for other errors. */
export function asConstraintError(err: unknown, setName: string, op: WriteOperation): GatewayError | undefined {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; constraint?: unknown; message?: unknown };
  if (isUniqueViolation(err)) {
    const property = UNIQUE_INDEX_PROPERTY[indexName(e) ?? ''];
    if (property === undefined) return new ConflictError(`An entity with this key already exists in ${setName}.`);
    return new ValidationError(`${property} must be unique in ${setName}.`, {
      details: [{ code: 'Duplicate', message: `another entity of ${setName} already has this ${property}`, target: property }],
    });
  }
  if (isForeignKeyViolation(e.code)) {
    if (op === 'delete') return new ConflictError(`The entity is still referenced by other entities and cannot be deleted from ${setName}.`);
    return new ValidationError(`The entity refers to an entity that does not exist.`, {
      details: [{ code: 'UnknownReference', message: 'a referenced entity does not exist' }],
    });
  }
  return asConcurrencyConflict(err);
}

/** PostgreSQL deadlock (40P01) or serialization failure (40001): two requests collided; retrying works. */
export function asConcurrencyConflict(err: unknown): GatewayError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' ? new ConflictError('A concurrent change got in the way; retry the request.') : undefined;
}

/** Runs one write statement, translating its constraint violations. */
export async function translatingConstraints<T>(setName: string, op: WriteOperation, run: () => PromiseLike<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asConstraintError(err, setName, op) ?? err;
  }
}

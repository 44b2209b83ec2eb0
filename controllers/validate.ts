// zod validation of request input for the /api controllers: a failure is a 400 BadRequest whose
// details name each offending field, answered as an OData error body by the error handler.
import type { z } from 'zod';
import { BadRequestError } from '../src/errors/catalogue';

export function validate<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.slice(0, 20).map((i) => ({
    code: 'BadRequest',
    message: i.message,
    ...(i.path.length > 0 ? { target: i.path.join('.') } : {}),
  }));
  const first = details[0];
  const where = first?.target === undefined ? '' : `${first.target}: `;
  throw new BadRequestError(`Invalid ${what}: ${where}${first?.message ?? 'not accepted'}`, { details });
}

// A string flag restricted to a few values: anything else is a usage error naming them.
import { stringFlag, type ParsedArgs } from './parse-args';
import { UsageError } from './usage-error';

export function enumFlag<T extends string>(args: ParsedArgs, name: string, values: readonly T[]): T | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${values.join(', ')} (got ${JSON.stringify(v)})`);
  return v as T;
}

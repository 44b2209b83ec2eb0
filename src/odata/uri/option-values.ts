// Values of the scalar system query options: $top/$skip (ABNF 1*DIGIT, URL Conventions §5.1.5),
// $count (boolean, §5.1.6), $levels (positive integer or max, §5.1.2), $index (§5.1.9), and the
// opaque $format and $skiptoken. A bad value is a 400 BadRequest naming the option.
import { BadRequestError } from '../../errors/catalogue';

/** Largest $top/$skip/$levels accepted: Int32, the range RESTier clients and our SQL use. */
export const MAX_INT32 = 2147483647;

function bad(label: string, message: string): never {
  throw new BadRequestError(`${label} ${message}`, { target: label });
}

export function parseNonNegativeInt(label: string, text: string): number {
  if (!/^\d+$/.test(text)) bad(label, `must be a non-negative integer, not '${text}'.`);
  const value = Number(text);
  if (value > MAX_INT32) bad(label, `must not be greater than ${MAX_INT32}, not ${text}.`);
  return value;
}

export function parseBoolean(label: string, text: string): boolean {
  const lower = text.toLowerCase(); // ABNF boolean is case-insensitive
  if (lower !== 'true' && lower !== 'false') bad(label, `must be true or false, not '${text}'.`);
  return lower === 'true';
}

export function parseLevels(label: string, text: string): number | 'max' {
  if (text.toLowerCase() === 'max') return 'max';
  if (!/^[1-9]\d*$/.test(text)) bad(label, `must be a positive integer without leading zeros or max, not '${text}'.`);
  return parseNonNegativeInt(label, text);
}

export function checkIndex(label: string, text: string): void {
  if (!/^-?\d+$/.test(text)) bad(label, `must be an integer, not '${text}'.`);
}

export function parseNonEmpty(label: string, text: string): string {
  if (text === '') bad(label, 'must not be empty.');
  return text;
}

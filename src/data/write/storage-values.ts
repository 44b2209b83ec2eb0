// Model values (OData JSON: decimals as string/number, enums by member name, ISO timestamps) →
// the storage representation of edm/db-schema.ts. Decimals go to scaled integers by string and
// BigInt arithmetic only: no binary floating point ever touches them (model.md).
import type { Column } from '../../edm/db-schema';
import { enumType } from '../../../metadata';
import { BadRequestError } from '../../errors/catalogue';

export type StorageValue = string | number | null;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * Exact decimal text → scaled integer text (value × 10^scale), e.g. ('12.5', 4) → '125000'.
 * Undefined when it is not a decimal, has non-zero digits beyond `scale`, or exceeds `precision`.
 */
export function decimalToScaled(text: string, scale: number, precision = 18): string | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const shift = scale + Number(exp); // move the decimal point right by this many places
  const digits = int + frac;
  const pointAt = int.length + shift; // digits[0..pointAt) is the scaled integer part
  if (pointAt < digits.length && /[1-9]/.test(digits.slice(Math.max(pointAt, 0)))) return undefined;
  const whole = pointAt <= 0 ? '0' : pointAt >= digits.length ? digits + '0'.repeat(pointAt - digits.length) : digits.slice(0, pointAt);
  const n = BigInt(whole);
  if (n >= 10n ** BigInt(precision)) return undefined;
  return (sign === '-' && n !== 0n ? -n : n).toString();
}

/** Scaled integer (as stored; drivers return number, string or bigint) → decimal text with `scale` digits. */
export function scaledToDecimal(stored: string | number | bigint, scale: number): string {
  const n = BigInt(stored);
  const abs = (n < 0n ? -n : n).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, abs.length - scale)}.${abs.slice(abs.length - scale)}`;
  return n < 0n ? `-${text}` : text;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO 8601 with offset → fixed-width UTC `YYYY-MM-DDTHH:MM:SS.sssZ`; undefined if invalid. */
export function timestampToStorage(text: string): string | undefined {
  if (!TIMESTAMP.test(text)) return undefined;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return undefined;
  const iso = d.toISOString();
  return iso.length === 24 ? iso : undefined; // years outside 0000-9999 would break text ordering
}

/** `YYYY-MM-DD` that is a real calendar date; undefined otherwise. */
export function dateToStorage(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? text : undefined;
}

function enumToStorage(column: Column, value: unknown): number | undefined {
  const members = enumType(column.enumType ?? '')?.members ?? [];
  const found = members.find((m) => m.name === value || m.value === value || String(m.value) === value);
  return found?.value;
}

function convert(column: Column, value: unknown): StorageValue | undefined {
  switch (column.storage) {
    case 'text':
      return typeof value === 'string' && (column.maxLength === undefined || value.length <= column.maxLength) ? value : undefined;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2147483647 ? value : undefined;
    case 'bigint':
      return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) ? String(value) : undefined;
    case 'scaled':
      return typeof value === 'string' || typeof value === 'number' ? decimalToScaled(String(value), column.scale ?? 0) : undefined;
    case 'bool':
      return typeof value === 'boolean' ? (value ? 1 : 0) : undefined;
    case 'enum':
      return enumToStorage(column, value);
    case 'timestamp':
      return typeof value === 'string' ? timestampToStorage(value) : undefined;
    case 'date':
      return typeof value === 'string' ? dateToStorage(value) : undefined;
  }
}

/** One model value → its storage value; null stays null. BadRequestError (target = property path) if invalid. */
export function toStorageValue(column: Column, value: unknown): StorageValue {
  if (value === null) return null;
  const stored = convert(column, value);
  if (stored === undefined) {
    const target = column.path.join('/');
    throw new BadRequestError(`invalid value for ${target} (${column.edmType === 'enum' ? column.enumType : column.edmType})`, { target });
  }
  return stored;
}

// One converter per EDM primitive: a request value → its canonical model value (model-values.ts)
// or a reason it is invalid. Exact: decimals are checked and rescaled as text, never as floats.
// String lengths count UTF-16 code units, as .NET's MaxLength does for the ERP's RESTier clients.
import type { EnumType, PrimitiveProperty } from '../../metadata';
import { JsonNumber } from './exact-json';
import type { PrimitiveModelValue } from './model-values';

/** Stable codes of ValidationError details (README error table). */
export type InputIssueCode =
  | 'Required' | 'NotNullable' | 'InvalidType' | 'MaxLength' | 'Precision' | 'Scale'
  | 'InvalidDate' | 'InvalidDateTime' | 'EnumMember' | 'OutOfRange';

export type Converted =
  | { readonly ok: true; readonly value: PrimitiveModelValue }
  | { readonly ok: false; readonly code: InputIssueCode; readonly message: string };

export type Converter = (v: unknown) => Converted;

const ok = (value: PrimitiveModelValue): Converted => ({ ok: true, value });
const bad = (code: InputIssueCode, message: string): Converted => ({ ok: false, code, message });

/** Number text from a JSON number, a JS number or (IEEE754Compatible) a string. */
function numberText(v: unknown, allowString: boolean): string | undefined {
  if (v instanceof JsonNumber) return v.text;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return allowString && typeof v === 'string' ? v.trim() : undefined;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/** Canonical decimal text with exactly `scale` fraction digits, checked against Precision/Scale. */
export function canonicalDecimal(text: string, precision: number, scale: number): Converted {
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return bad('InvalidType', 'must be a decimal number');
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const point = int.length + Number(exp); // digits[0..point) are the integer part
  const digits = (point < 0 ? '0'.repeat(-point) : '') + int + frac;
  const at = Math.max(point, 0);
  const whole = (digits.slice(0, at).padEnd(at, '0')).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(at);
  if (/[1-9]/.test(fraction.slice(scale))) return bad('Scale', `must have at most ${scale} decimal places`);
  if (whole.length > precision - scale) return bad('Precision', `must have at most ${precision - scale} digits before the decimal point`);
  const fixed = fraction.slice(0, scale).padEnd(scale, '0');
  const negative = sign === '-' && /[1-9]/.test(whole + fixed);
  return ok(`${negative ? '-' : ''}${whole}${scale > 0 ? `.${fixed}` : ''}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,12})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it maps years 0-99 to 1900-1999
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** ISO 8601 with an offset → `YYYY-MM-DDTHH:MM:SS.sssZ` (sub-millisecond digits must be zero). */
export function canonicalDateTime(v: unknown): Converted {
  const m = typeof v === 'string' ? DATE_TIME.exec(v) : null;
  if (!m || !isCalendarDate(m[1] ?? '') || /[1-9]/.test((m[5] ?? '').slice(4))) {
    return bad('InvalidDateTime', 'must be an ISO 8601 date and time with offset, e.g. 2026-01-03T10:15:00.000Z');
  }
  const iso = new Date(m[0].toUpperCase()).toISOString();
  return iso.length === 24 ? ok(iso) : bad('InvalidDateTime', 'is outside the years 0001-9999');
}

function stringConverter(p: PrimitiveProperty): Converter {
  const max = p.maxLength;
  return (v) => {
    if (typeof v !== 'string') return bad('InvalidType', 'must be a string');
    return max !== undefined && v.length > max ? bad('MaxLength', `must be at most ${max} characters long`) : ok(v);
  };
}

function int32(v: unknown): Converted {
  const text = numberText(v, false);
  if (text === undefined || !/^-?\d+$/.test(text)) return bad('InvalidType', 'must be an integer');
  const n = Number(text);
  return n >= -2147483648 && n <= 2147483647 ? ok(n) : bad('OutOfRange', 'must be a 32-bit integer');
}

function int64(v: unknown): Converted {
  const text = numberText(v, true);
  if (text === undefined || !/^-?\d+$/.test(text)) return bad('InvalidType', 'must be an integer');
  const n = BigInt(text);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? ok(n.toString()) : bad('OutOfRange', 'must be a 64-bit integer');
}

/** The converter of a primitive property's type and facets. */
export function primitiveConverter(p: PrimitiveProperty): Converter {
  switch (p.type) {
    case 'Edm.String': return stringConverter(p);
    case 'Edm.Int32': return int32;
    case 'Edm.Int64': return int64;
    case 'Edm.Decimal': return (v) => {
      const text = numberText(v, true);
      return text === undefined ? bad('InvalidType', 'must be a decimal number') : canonicalDecimal(text, p.precision ?? 29, p.scale ?? 0);
    };
    case 'Edm.Boolean': return (v) => (typeof v === 'boolean' ? ok(v) : bad('InvalidType', 'must be true or false'));
    case 'Edm.DateTimeOffset': return canonicalDateTime;
    case 'Edm.Date': return (v) => (typeof v === 'string' && isCalendarDate(v) ? ok(v) : bad('InvalidDate', 'must be a date YYYY-MM-DD'));
  }
}

/** Enum values are member names (OData JSON Format §7.1). */
export function enumConverter(t: EnumType): Converter {
  const names = new Set(t.members.map((m) => m.name));
  const list = t.members.map((m) => m.name).join(', ');
  return (v) => (typeof v === 'string' && names.has(v) ? ok(v) : bad('EnumMember', `must be one of ${list}`));
}

/** Whether a raw request value (JSON number, number or string) denotes key value `v`: 7 ≙ 7, '10042' ≙ '10042'. */
export function rawEquals(raw: unknown, v: string | number): boolean {
  if (typeof v === 'string') return raw === v;
  if (raw instanceof JsonNumber) return /^-?\d+$/.test(raw.text) && Number(raw.text) === v;
  return raw === v;
}

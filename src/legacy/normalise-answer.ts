// Shadow comparison (issue #5) needs two services' answers to the same read to compare equal when
// they mean the same: control information that names URLs or versions is dropped; numbers and
// numeric strings compare by exact decimal value (IEEE754Compatible=true writes Decimal/Int64 as
// strings); DateTimeOffset values compare by instant, whatever their offset or fraction digits.
import { isJsonObject, JsonNumber, parseExactJson, type JsonValue } from '../edm/exact-json';

/** A number, normalised to its canonical decimal text; `shown` is its JSON as the service wrote it. */
export class DecimalValue {
  constructor(readonly text: string, readonly shown: string) {}
}
/** A DateTimeOffset, normalised to its instant (ISO 8601 UTC with milliseconds); `shown` as written. */
export class InstantValue {
  constructor(readonly iso: string, readonly shown: string) {}
}

export type Normalised = null | boolean | string | DecimalValue | InstantValue | readonly Normalised[] | { readonly [name: string]: Normalised };

// control information that differs between two faithful services (URLs, ETags, links)
const DROPPED = /@odata\.(context|nextLink|deltaLink|etag|id|editLink|readLink|navigationLink|associationLink|mediaEditLink|mediaReadLink|mediaEtag)$/;
const NUMERIC = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `1.50`, `1.5e0`, `"1.5"` → `1.5`; `-0` → `0`. Exact: digits are shifted, never passed through a float. */
export function canonicalDecimal(text: string): string | undefined {
  const m = NUMERIC.exec(text);
  if (!m) return undefined;
  const negative = text.startsWith('-');
  const exponent = Number(m[3] ?? '0');
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return undefined;
  const fraction = m[2] ?? '';
  let digits = (m[1] ?? '') + fraction;
  let point = (m[1] ?? '').length + exponent; // position of the decimal point within `digits`
  if (point < 0) (digits = '0'.repeat(-point) + digits), (point = 0);
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const int = digits.slice(0, point).replace(/^0+/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  const abs = frac === '' ? int : `${int}.${frac}`;
  return negative && abs !== '0' ? `-${abs}` : abs;
}

function normaliseString(s: string): Normalised {
  const decimal = canonicalDecimal(s);
  if (decimal !== undefined) return new DecimalValue(decimal, JSON.stringify(s));
  if (DATE_TIME_OFFSET.test(s)) {
    const ms = Date.parse(s);
    if (!Number.isNaN(ms)) return new InstantValue(new Date(ms).toISOString(), JSON.stringify(s));
  }
  return s;
}

export function normaliseJson(v: JsonValue): Normalised {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'string') return normaliseString(v);
  if (v instanceof JsonNumber) return new DecimalValue(canonicalDecimal(v.text) ?? v.text, v.text);
  if (Array.isArray(v)) return (v as readonly JsonValue[]).map(normaliseJson);
  const out: Record<string, Normalised> = {};
  if (isJsonObject(v)) for (const [k, x] of Object.entries(v)) if (!DROPPED.test(k)) out[k] = normaliseJson(x);
  return out;
}

/** One answer as compared: its status and its normalised body (JSON parsed exactly, else text). */
export interface NormalisedAnswer {
  readonly status: number;
  readonly body: Normalised;
}

export function normaliseAnswer(status: number, contentType: string | undefined, body: string): NormalisedAnswer {
  if (/json/i.test(contentType ?? '') && body.trim() !== '') {
    try {
      return { status, body: normaliseJson(parseExactJson(body)) };
    } catch {
      return { status, body };
    }
  }
  // $count and $value answers are text; `42` and ` 42` mean the same
  return { status, body: normaliseString(body.trim()) };
}

// The first place two normalised answers differ, as a JSON Pointer (RFC 6901) with both values as
// JSON text cut to 1 KiB — what a shadow comparison records. Statuses are compared first (a
// difference there is reported at the root); two errors with the same status count as equal,
// because their messages are each service's own wording. `value` arrays compare in order.
import { DecimalValue, InstantValue, type Normalised, type NormalisedAnswer } from './normalise-answer';

export interface Difference {
  readonly path: string;
  readonly primaryValue: string;
  readonly secondaryValue: string;
}

export const ABSENT = '<absent>';
const MAX_VALUE_CHARS = 1024;

const escapeToken = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** JSON text as the service wrote it: numbers exactly as sent (never through a double), strings as strings. */
function jsonText(v: Normalised): string {
  if (v instanceof DecimalValue || v instanceof InstantValue) return v.shown;
  if (Array.isArray(v)) return `[${(v as readonly Normalised[]).map(jsonText).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(',')}}`;
  return JSON.stringify(v);
}

/** JSON text of a normalised value, cut to 1 KiB. */
export function shownValue(v: Normalised | undefined): string {
  if (v === undefined) return ABSENT;
  const text = jsonText(v);
  return text.length > MAX_VALUE_CHARS ? text.slice(0, MAX_VALUE_CHARS) : text;
}

const isObject = (v: Normalised | undefined): v is { readonly [name: string]: Normalised } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof DecimalValue) && !(v instanceof InstantValue);

function scalarEqual(a: Normalised, b: Normalised): boolean {
  if (a instanceof DecimalValue) return b instanceof DecimalValue && a.text === b.text;
  if (a instanceof InstantValue) return b instanceof InstantValue && a.iso === b.iso;
  return a === b;
}

function differ(path: string, a: Normalised | undefined, b: Normalised | undefined): Difference {
  return { path, primaryValue: shownValue(a), secondaryValue: shownValue(b) };
}

function compareArrays(path: string, a: readonly Normalised[], b: readonly Normalised[]): Difference | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = firstValueDifference(`${path}/${i}`, a[i], b[i]);
    if (d) return d;
  }
  return undefined;
}

function compareObjects(path: string, a: { readonly [k: string]: Normalised }, b: { readonly [k: string]: Normalised }): Difference | undefined {
  // members in the primary's order first, then those only the secondary has
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
  for (const k of keys) {
    const d = firstValueDifference(`${path}/${escapeToken(k)}`, Object.hasOwn(a, k) ? a[k] : undefined, Object.hasOwn(b, k) ? b[k] : undefined);
    if (d) return d;
  }
  return undefined;
}

/** undefined = equal */
export function firstValueDifference(path: string, a: Normalised | undefined, b: Normalised | undefined): Difference | undefined {
  if (a === undefined || b === undefined) return a === b ? undefined : differ(path, a, b);
  if (Array.isArray(a) && Array.isArray(b)) return compareArrays(path, a as readonly Normalised[], b as readonly Normalised[]);
  if (isObject(a) && isObject(b)) return compareObjects(path, a, b);
  return scalarEqual(a, b) ? undefined : differ(path, a, b);
}

/** The primary's and the secondary's answer: undefined when they agree. */
export function firstDifference(primary: NormalisedAnswer, secondary: NormalisedAnswer): Difference | undefined {
  if (primary.status !== secondary.status) {
    const shown = (a: NormalisedAnswer) => shownValue({ status: new DecimalValue(String(a.status), String(a.status)), body: a.body });
    return { path: '', primaryValue: shown(primary), secondaryValue: shown(secondary) };
  }
  if (primary.status >= 400) return undefined;
  return firstValueDifference('', primary.body, secondary.body);
}

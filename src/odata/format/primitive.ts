// JSON notation of primitive values (OData JSON Format §7.1): Int64 and Decimal are written from
// their exact decimal text — as bare JSON numbers, or as strings under IEEE754Compatible=true —
// so no value ever passes through a binary float on the way out.
import type { PrimitiveValue } from '../query/read-result';

export type PrimitiveKind = 'string' | 'int32' | 'exact' | 'boolean';

const EXACT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Throws on a non-canonical exact value: that would be a bug in the read engine, never client input. */
export function writePrimitive(kind: PrimitiveKind, value: PrimitiveValue, ieee754: boolean): string {
  switch (kind) {
    case 'string':
      return JSON.stringify(String(value));
    case 'int32':
    case 'boolean':
      return String(value);
    case 'exact': {
      const text = String(value);
      if (!EXACT.test(text)) throw new Error(`serializer: not an exact decimal: ${text}`);
      return ieee754 ? `"${text}"` : text;
    }
  }
}

/** Which notation an EDM primitive type uses. */
export function primitiveKind(edmType: string): PrimitiveKind {
  switch (edmType) {
    case 'Edm.Int32':
      return 'int32';
    case 'Edm.Int64':
    case 'Edm.Decimal':
      return 'exact';
    case 'Edm.Boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

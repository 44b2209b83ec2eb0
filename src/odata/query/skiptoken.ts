// Keyset $skiptoken: base64url of {"k":[…]} holding the last row's value of every root $orderby item
// (the appended key properties included), so the next page starts strictly after that row even
// when rows are inserted meanwhile. Decoded strictly: anything that is not such a token is a 400.
import { BadRequestError } from '../../errors/catalogue';
import type { BoundOrderItem, ScalarType } from './bound-expr';
import { INT64_MAX, INT64_MIN } from './exact-decimal';
import type { SkipTokenValue } from './plan';

/** How an order value travels: exact integers as decimal text, doubles as numbers, the rest as text. */
export type TokenKind = 'int' | 'float' | 'text';

export function tokenKind(t: ScalarType): TokenKind {
  switch (t.kind) {
    case 'int':
    case 'decimal':
    case 'boolean':
    case 'enum': return 'int';
    case 'double': return 'float';
    default: return 'text';
  }
}

const MAX_TOKEN = 8192;
const MAX_TEXT = 4096;

export function encodeSkipToken(values: readonly SkipTokenValue[]): string {
  return Buffer.from(JSON.stringify({ k: values }), 'utf8').toString('base64url');
}

function validValue(v: unknown, kind: TokenKind): v is SkipTokenValue {
  if (v === null) return true;
  switch (kind) {
    case 'int':
      if (typeof v !== 'string' || !/^-?\d{1,19}$/.test(v)) return false;
      return BigInt(v) >= INT64_MIN && BigInt(v) <= INT64_MAX;
    case 'float': return typeof v === 'number' && Number.isFinite(v);
    case 'text': return typeof v === 'string' && v.length <= MAX_TEXT;
  }
}

function parse(token: string): unknown {
  if (token.length > MAX_TOKEN || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Decodes a $skiptoken for the given order; throws BadRequestError for anything else. */
export function decodeSkipToken(token: string, orderBy: readonly BoundOrderItem[]): SkipTokenValue[] {
  const body = parse(token);
  const values = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { k?: unknown }).k : undefined;
  const ok = Array.isArray(values) && Object.keys(body as object).length === 1 && values.length === orderBy.length &&
    values.every((v, i) => validValue(v, tokenKind(orderBy[i]?.expr.type ?? { kind: 'null' })));
  if (!ok) throw new BadRequestError('The $skiptoken is not valid for this request');
  return values as SkipTokenValue[];
}

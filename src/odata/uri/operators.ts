// Operator words and their precedence, from the table in URL Conventions §5.1.1.15 (highest
// first): Primary (/ has in calls), Unary (- not), Multiplicative, Additive, Relational,
// Equality, and, or. Operators are case-insensitive words surrounded by whitespace (ABNF RWS).
import type { BinaryOp } from './ast';
import type { Cursor } from './cursor';
import { isSpace } from './lexical';

/** Binding power of the infix operators; all associate to the left. */
export const INFIX: ReadonlyMap<string, { readonly op: BinaryOp; readonly prec: number }> = new Map([
  ['or', { op: 'or', prec: 1 }],
  ['and', { op: 'and', prec: 2 }],
  ['eq', { op: 'eq', prec: 3 }],
  ['ne', { op: 'ne', prec: 3 }],
  ['gt', { op: 'gt', prec: 4 }],
  ['ge', { op: 'ge', prec: 4 }],
  ['lt', { op: 'lt', prec: 4 }],
  ['le', { op: 'le', prec: 4 }],
  ['add', { op: 'add', prec: 5 }],
  ['sub', { op: 'sub', prec: 5 }],
  ['mul', { op: 'mul', prec: 6 }],
  ['div', { op: 'div', prec: 6 }],
  ['divby', { op: 'divby', prec: 6 }],
  ['mod', { op: 'mod', prec: 6 }],
]);

/** `has` and `in` are in the Primary group: they bind tighter than unary - and not. */
export const POSTFIX = new Set(['has', 'in']);

export interface OperatorToken {
  /** lower-cased operator word */
  readonly word: string;
  /** where the word starts */
  readonly at: number;
  /** where its operand may start (after the whitespace that follows it) */
  readonly next: number;
}

const WORD = /[A-Za-z]+/y;

/**
 * Looks for `RWS operator RWS` at the cursor without consuming anything. A known operator that is
 * not followed by whitespace is an error here, not silently "end of expression".
 */
export function peekOperator(cur: Cursor): OperatorToken | undefined {
  const save = cur.pos;
  const spaces = cur.skipSpaces();
  const at = cur.pos;
  const word = spaces > 0 ? cur.match(WORD)?.toLowerCase() : undefined;
  cur.pos = save;
  if (word === undefined || (!INFIX.has(word) && !POSTFIX.has(word))) return undefined;
  const after = at + word.length;
  const c = cur.text.charAt(after);
  if (/[\p{L}\p{Nd}_.]/u.test(c)) return undefined; // a longer word such as 'android' or 'in.x'
  if (!isSpace(c)) cur.fail(`expected whitespace and an operand after '${word}' but found ${cur.found(after)}`, after);
  let next = after;
  while (isSpace(cur.text.charAt(next))) next++;
  return { word, at, next };
}

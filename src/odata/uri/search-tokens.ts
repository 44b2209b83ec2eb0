// Tokens of a $search expression (URL Conventions §5.1.7, ABNF searchExpr): '(' ')', "phrases"
// with backslash escapes (\" and \\, as OData client libraries send them), and words. A word ends
// at whitespace, a parenthesis, a double quote or a literal ';' — an encoded %3B stays in the word.
import type { Cursor } from './cursor';
import { isSpace } from './lexical';

export interface SearchToken {
  readonly kind: 'open' | 'close' | 'phrase' | 'word' | 'end';
  readonly text: string;
  readonly at: number;
  readonly end: number;
  /** whitespace separates this token from the previous one (ABNF RWS) */
  readonly spaced: boolean;
}

export type EscapedAt = (absolutePos: number) => boolean;

function phraseEnd(cur: Cursor, open: number): { text: string; end: number } {
  let text = '';
  let i = open + 1;
  for (;;) {
    const c = cur.text.charAt(i);
    if (c === '') cur.fail('unterminated phrase: missing the closing double quote', open);
    if (c === '"') break;
    if (c === '\\' && (cur.text.charAt(i + 1) === '"' || cur.text.charAt(i + 1) === '\\')) i++;
    text += cur.text.charAt(i);
    i++;
  }
  if (text === '') cur.fail('a search phrase must not be empty', open);
  return { text, end: i + 1 };
}

function wordEnd(cur: Cursor, from: number, escaped: EscapedAt): number {
  let i = from;
  for (;;) {
    const c = cur.text.charAt(i);
    if (c === '' || isSpace(c) || c === '(' || c === ')' || c === '"') return i;
    if (c === ';' && !escaped(cur.abs(i))) return i;
    i++;
  }
}

/** The token starting at `from` (after optional whitespace); nothing is consumed. */
export function searchTokenAt(cur: Cursor, from: number, escaped: EscapedAt): SearchToken {
  let at = from;
  while (isSpace(cur.text.charAt(at))) at++;
  const spaced = at > from;
  const c = cur.text.charAt(at);
  if (c === '(' || c === ')') return { kind: c === '(' ? 'open' : 'close', text: c, at, end: at + 1, spaced };
  if (c === '"') return { kind: 'phrase', ...phraseEnd(cur, at), at, spaced };
  const end = wordEnd(cur, at, escaped);
  return end === at ? { kind: 'end', text: '', at, end, spaced } : { kind: 'word', text: cur.text.slice(at, end), at, end, spaced };
}

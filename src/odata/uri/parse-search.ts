// $search (URL Conventions §5.1.7): NOT binds tighter than AND, AND tighter than OR; two
// expressions side by side mean AND. NOT/AND/OR are operators only where an operand follows
// them (ABNF: "$search=AND" searches for the word AND). A single-quoted value is the 4.01
// "incomplete expression" form and is searched as one phrase.
import type { SearchExpr } from './ast';
import type { Budget } from './budget';
import type { Cursor } from './cursor';
import { readQuoted } from './quoted-text';
import { searchTokenAt, type EscapedAt, type SearchToken } from './search-tokens';

interface SearchCtx {
  readonly cur: Cursor;
  readonly budget: Budget;
  readonly escaped: EscapedAt;
}

const peek = (s: SearchCtx): SearchToken => searchTokenAt(s.cur, s.cur.pos, s.escaped);
const startsOperand = (t: SearchToken): boolean => t.kind === 'open' || t.kind === 'phrase' || t.kind === 'word';

/** `word` is the keyword here when whitespace and an operand follow it. */
function isKeyword(s: SearchCtx, t: SearchToken, word: string): boolean {
  if (t.kind !== 'word' || t.text !== word) return false;
  const next = searchTokenAt(s.cur, t.end, s.escaped);
  return next.spaced && startsOperand(next);
}

function parsePrimary(s: SearchCtx): SearchExpr {
  const t = peek(s);
  if (!startsOperand(t)) s.cur.fail(`expected a search term, phrase or '(' but found ${s.cur.found(t.at)}`, t.at);
  s.cur.pos = t.end;
  s.budget.node();
  if (t.kind === 'word') return { kind: 'term', value: t.text };
  if (t.kind === 'phrase') return { kind: 'phrase', value: t.text };
  s.budget.enter();
  const inner = parseOr(s);
  const close = peek(s);
  if (close.kind !== 'close') s.cur.fail(`expected ')' but found ${s.cur.found(close.at)}`, close.at);
  s.cur.pos = close.end;
  s.budget.leave();
  return inner;
}

function parseNot(s: SearchCtx): SearchExpr {
  const t = peek(s);
  if (!isKeyword(s, t, 'NOT')) return parsePrimary(s);
  s.cur.pos = t.end;
  s.budget.enter();
  const operand = parseNot(s);
  s.budget.leave();
  s.budget.node();
  return { kind: 'not', operand };
}

function parseAnd(s: SearchCtx): SearchExpr {
  let left = parseNot(s);
  for (;;) {
    const t = peek(s);
    if (!startsOperand(t) || isKeyword(s, t, 'OR')) return left;
    if (!t.spaced) s.cur.fail(`expected whitespace before ${s.cur.found(t.at)}`, t.at);
    if (isKeyword(s, t, 'AND')) s.cur.pos = t.end;
    const right = parseNot(s);
    s.budget.node();
    left = { kind: 'and', left, right };
  }
}

function parseOr(s: SearchCtx): SearchExpr {
  let left = parseAnd(s);
  for (;;) {
    const t = peek(s);
    if (!t.spaced || !isKeyword(s, t, 'OR')) return left;
    s.cur.pos = t.end;
    const right = parseAnd(s);
    s.budget.node();
    left = { kind: 'or', left, right };
  }
}

/**
 * Parses a search expression at the cursor and stops before what cannot continue it (';' or an
 * unmatched ')' ending a nested option); the caller checks what follows.
 */
export function parseSearchExpr(cur: Cursor, budget: Budget, escaped: EscapedAt): SearchExpr {
  cur.skipSpaces(); // §5.1.7: leading and trailing spaces are not part of the expression
  if (cur.peek() === "'") {
    budget.node();
    return { kind: 'phrase', value: readQuoted(cur) };
  }
  const expr = parseOr({ cur, budget, escaped });
  cur.skipSpaces();
  return expr;
}

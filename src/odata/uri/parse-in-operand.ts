// The right operand of `in` (URL Conventions §5.1.1.1.10, ABNF inExpr / listExpr): a
// parenthesised list of primitive literals, a 4.01 JSON array of them, or an alias holding one.
// `x in (expr)` with a single non-literal is a parenthesised expression and becomes a one-item list.
import { NotImplementedError } from '../../errors/catalogue';
import type { Expr, Literal } from './ast';
import type { ExprCtx } from './expression-context';
import { IDENTIFIER } from './lexical';
import { readJsonString } from './json-string';
import { readLiteral } from './parse-literal';

const LITERALS_ONLY = "only primitive literals may be listed after 'in', as in Name in ('a','b')";

function parseParenList(ctx: ExprCtx): Expr[] {
  const { cur } = ctx;
  const items: Expr[] = [];
  cur.pos++;
  cur.skipSpaces();
  if (cur.eat(')')) return items;
  for (;;) {
    const itemPos = cur.pos;
    const item = ctx.parseExpr();
    if (items.length > 0 && item.kind !== 'literal') cur.fail(LITERALS_ONLY, itemPos);
    items.push(item);
    cur.skipSpaces();
    if (cur.eat(')')) return items;
    if (item.kind !== 'literal' && cur.peek() === ',') cur.fail(LITERALS_ONLY);
    cur.expect(',', `',' or ')' in the list after 'in'`);
    cur.skipSpaces();
  }
}

function readJsonItem(ctx: ExprCtx): Literal {
  const { cur } = ctx;
  ctx.budget.node();
  if (cur.peek() === '"') return { kind: 'literal', type: 'string', value: readJsonString(cur) };
  return readLiteral(cur) ?? cur.fail(`expected a string, number, boolean or null in the array but found ${cur.found()}`);
}

function parseJsonArray(ctx: ExprCtx): Expr[] {
  const { cur } = ctx;
  const items: Expr[] = [];
  cur.pos++;
  cur.skipSpaces();
  if (cur.eat(']')) return items;
  for (;;) {
    items.push(readJsonItem(ctx));
    cur.skipSpaces();
    if (cur.eat(']')) return items;
    cur.expect(',', "',' or ']' in the array after 'in'");
    cur.skipSpaces();
  }
}

export function parseInOperand(ctx: ExprCtx): readonly Expr[] {
  const { cur } = ctx;
  const c = cur.peek();
  if (c === '(' || c === '[') {
    ctx.budget.enter();
    const items = c === '(' ? parseParenList(ctx) : parseJsonArray(ctx);
    ctx.budget.leave();
    return items;
  }
  if (c === '@') {
    const pos = cur.pos;
    cur.pos++;
    const name = cur.match(IDENTIFIER) ?? cur.fail('expected a parameter alias name after @');
    cur.pos += name.length;
    return ctx.aliasList(name, pos);
  }
  throw new NotImplementedError(`${cur.label}: 'in' with a collection-valued operand (at position ${cur.abs()}) is not supported; list the values, as in Name in ('a','b').`);
}

// Primary expressions (URL Conventions §5.1.1.15 "Grouping" and "Primary"): literals, parentheses,
// parameter aliases, $it, member paths, lambdas and function calls.
import { NotImplementedError } from '../../errors/catalogue';
import type { Expr } from './ast';
import type { ExprCtx } from './expression-context';
import { IDENTIFIER } from './lexical';
import { parseMemberOrCall, parsePathRest } from './parse-member';
import { readLiteral } from './parse-literal';

function parseParen(ctx: ExprCtx): Expr {
  const { cur } = ctx;
  const open = cur.pos;
  cur.pos++;
  ctx.budget.enter();
  cur.skipSpaces();
  const inner = ctx.parseExpr();
  cur.skipSpaces();
  if (!cur.eat(')')) cur.fail(`expected ')' to close the '(' at position ${cur.abs(open)} but found ${cur.found()}`);
  ctx.budget.leave();
  return inner;
}

function readAliasName(ctx: ExprCtx): string {
  const { cur } = ctx;
  cur.pos++;
  const name = cur.match(IDENTIFIER) ?? cur.fail('expected a parameter alias name after @');
  cur.pos += name.length;
  return name;
}

/** $it (§5.1.1.14.4) is kept as the first path segment; $root and $this are not supported. */
function parseDollar(ctx: ExprCtx): Expr {
  const { cur } = ctx;
  const start = cur.pos;
  const word = cur.match(/\$[A-Za-z]+/y) ?? '$';
  if (word === '$it') {
    cur.pos += word.length;
    return parsePathRest(ctx, ['$it'], start);
  }
  if (word === '$root' || word === '$this') {
    throw new NotImplementedError(`${cur.label}: ${word} (at position ${cur.abs(start)}) is not supported.`);
  }
  return cur.fail(`unexpected ${cur.found()}: the only $-variable here is $it`);
}

export function parsePrimary(ctx: ExprCtx): Expr {
  const { cur } = ctx;
  const c = cur.peek();
  if (c === '(') return parseParen(ctx);
  if (c === '@') {
    const pos = cur.pos;
    return ctx.aliasExpr(readAliasName(ctx), pos);
  }
  if (c === '$') return parseDollar(ctx);
  if (c === '[' || c === '{') {
    throw new NotImplementedError(`${cur.label}: JSON arrays and objects (at position ${cur.abs()}) are only supported after 'in'.`);
  }
  const literal = readLiteral(cur);
  if (literal) {
    ctx.budget.node();
    return literal;
  }
  return parseMemberOrCall(ctx);
}

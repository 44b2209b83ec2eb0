// Common expressions ($filter, $orderby, alias values) by precedence climbing over the table in
// URL Conventions §5.1.1.15. Same-precedence chains loop instead of recursing, and every real
// nesting (parentheses, unary, calls, lambdas) is charged to the Budget: work stays linear.
import { BadRequestError } from '../../errors/catalogue';
import type { Expr } from './ast';
import type { AliasScope } from './alias-scope';
import { Budget } from './budget';
import { Cursor } from './cursor';
import type { ExprCtx } from './expression-context';
import type { ODataLimits } from './limits';
import { INFIX, peekOperator } from './operators';
import { parseInOperand } from './parse-in-operand';
import { parsePrimary } from './parse-primary';

export interface ExprEnv {
  readonly limits: ODataLimits;
  readonly aliases: AliasScope;
}

/** primary, then any number of the Primary-group postfix operators `has` and `in` */
function parsePostfix(ctx: ExprCtx): Expr {
  let expr = parsePrimary(ctx);
  for (;;) {
    const op = peekOperator(ctx.cur);
    if (op === undefined || (op.word !== 'has' && op.word !== 'in')) return expr;
    ctx.cur.pos = op.next;
    const pos = ctx.cur.abs(op.at);
    if (op.word === 'has') expr = { kind: 'binary', op: 'has', left: expr, right: parsePrimary(ctx), pos };
    else expr = { kind: 'in', left: expr, list: parseInOperand(ctx), pos };
    ctx.budget.node();
  }
}

/** `not` needs whitespace after it (ABNF notExpr); `not(` is accepted too, as clients send it. */
function unaryOperator(cur: Cursor): 'not' | 'negate' | undefined {
  const c = cur.peek();
  if (c === '-') return /[0-9]/.test(cur.peek(1)) || cur.text.startsWith('-INF', cur.pos) ? undefined : 'negate';
  if (c !== 'n' && c !== 'N') return undefined;
  const word = cur.match(/not(?=[ \t(])/iy);
  return word === undefined ? undefined : 'not';
}

function parseUnary(ctx: ExprCtx): Expr {
  const { cur } = ctx;
  const kind = unaryOperator(cur);
  if (kind === undefined) return parsePostfix(ctx);
  const pos = cur.abs();
  cur.pos += kind === 'not' ? 3 : 1;
  cur.skipSpaces();
  ctx.budget.enter();
  const operand = parseUnary(ctx);
  ctx.budget.leave();
  ctx.budget.node();
  return { kind, operand, pos };
}

/** Precedence climbing: operators binding at least `minPrec` are folded into `left`, left to right. */
function parseInfix(ctx: ExprCtx, minPrec: number): Expr {
  let left = parseUnary(ctx);
  for (;;) {
    const token = peekOperator(ctx.cur);
    const info = token && INFIX.get(token.word);
    if (token === undefined || info === undefined || info.prec < minPrec) return left;
    ctx.cur.pos = token.next;
    const right = parseInfix(ctx, info.prec + 1);
    ctx.budget.node();
    left = { kind: 'binary', op: info.op, left, right, pos: ctx.cur.abs(token.at) };
  }
}

type Resolved<T> = { readonly value: T; readonly nodes: number; readonly depth: number };

/** Parses an alias value once per scope and charges its size and depth where it is used. */
function resolveAlias<T>(env: ExprEnv, budget: Budget, name: string, mode: 'expr' | 'list', parse: (ctx: ExprCtx) => T): T | undefined {
  const def = env.aliases.lookup(name);
  if (def === undefined) return undefined;
  const key = `${mode}:${name}`;
  let hit = def.scope.cache.get(key) as Resolved<T> | undefined;
  if (hit === undefined) {
    if (def.scope.resolving.has(key)) throw new BadRequestError(`Parameter alias @${name} refers to itself.`, { target: `@${name}` });
    def.scope.resolving.add(key);
    const own = new Budget(budget.limits, `parameter alias @${name}`);
    const ctx = makeCtx(new Cursor(def.text, `@${name}`, def.base), own, { limits: env.limits, aliases: def.scope });
    hit = { value: parseAll(ctx, parse), nodes: own.nodes, depth: own.maxDepth };
    def.scope.resolving.delete(key);
    def.scope.cache.set(key, hit);
  }
  budget.node(hit.nodes);
  budget.enter(hit.depth);
  budget.leave(hit.depth);
  return hit.value;
}

/** OData-Protocol, Parameter Aliases: an alias that is never given a value is null. */
function aliasOrNull(env: ExprEnv, budget: Budget, name: string): Expr {
  const value = resolveAlias(env, budget, name, 'expr', (c) => c.parseExpr());
  if (value !== undefined) return value;
  budget.node();
  return { kind: 'literal', type: 'null', value: null };
}

function makeCtx(cur: Cursor, budget: Budget, env: ExprEnv): ExprCtx {
  const ctx: ExprCtx = {
    cur,
    budget,
    parseExpr: () => parseInfix(ctx, 0),
    aliasExpr: (name) => aliasOrNull(env, budget, name),
    aliasList: (name, pos) =>
      resolveAlias(env, budget, name, 'list', parseInOperand) ?? cur.fail(`parameter alias @${name} after 'in' has no value`, pos),
  };
  return ctx;
}

/** Runs `parse` over the whole cursor text: no leading or trailing blanks (ABNF has no BWS there). */
function parseAll<T>(ctx: ExprCtx, parse: (ctx: ExprCtx) => T): T {
  const { cur } = ctx;
  if (cur.done) cur.fail('expected an expression but the value is empty');
  if (cur.skipSpaces() > 0) cur.fail('unexpected whitespace before the expression', 0);
  const value = parse(ctx);
  if (!cur.done) cur.fail(`unexpected ${cur.found()} after the end of the expression`);
  return value;
}

/** Entry for a value that must be one expression, e.g. `$filter` or `@alias`. */
export function parseExpression(cur: Cursor, budget: Budget, env: ExprEnv): Expr {
  return parseAll(makeCtx(cur, budget, env), (ctx) => ctx.parseExpr());
}

/** Entry for parsers that continue after the expression themselves ($orderby items). */
export function expressionContext(cur: Cursor, budget: Budget, env: ExprEnv): ExprCtx {
  return makeCtx(cur, budget, env);
}

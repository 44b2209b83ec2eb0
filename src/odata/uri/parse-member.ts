// Member paths (Address/City, c/Email, $it/Name), lambdas (Contacts/any(c:…)) and built-in
// function calls (contains(Name,'x')) — OData URL Conventions §5.1.1.13–§5.1.1.15.
import { NotImplementedError } from '../../errors/catalogue';
import type { Expr } from './ast';
import type { ExprCtx } from './expression-context';
import { IDENTIFIER } from './lexical';
import { isLambdaOperator, readName } from './names';

function readArguments(ctx: ExprCtx, name: string): Expr[] {
  const { cur } = ctx;
  const args: Expr[] = [];
  cur.skipSpaces();
  if (cur.eat(')')) return args;
  for (;;) {
    const argPos = cur.pos;
    args.push(ctx.parseExpr());
    cur.skipSpaces();
    if (cur.eat(',')) {
      cur.skipSpaces();
      continue;
    }
    if (cur.eat(')')) return args;
    if (cur.peek() === '=' && args.at(-1)?.kind === 'member') {
      throw new NotImplementedError(`${cur.label}: named parameters (${name}(…=…) at position ${cur.abs(argPos)}) call model functions, which this service does not have.`);
    }
    cur.fail(`expected ',' or ')' in the arguments of ${name}() but found ${cur.found()}`);
  }
}

/** name( … ) — the cursor is on '('; the binder checks the name and arity. */
export function parseCall(ctx: ExprCtx, name: string, start: number): Expr {
  ctx.cur.pos++;
  ctx.budget.enter();
  const args = readArguments(ctx, name);
  ctx.budget.leave();
  ctx.budget.node();
  return { kind: 'call', name, args, pos: ctx.cur.abs(start) };
}

/** path/any(v: predicate), path/any(), path/all(v: predicate) — the cursor is on '('. */
function parseLambda(ctx: ExprCtx, path: string[], opName: string, start: number): Expr {
  const { cur } = ctx;
  const op = opName.toLowerCase() === 'all' ? 'all' : 'any';
  cur.pos++;
  ctx.budget.enter();
  cur.skipSpaces();
  const pos = cur.abs(start);
  if (op === 'any' && cur.eat(')')) {
    ctx.budget.leave();
    ctx.budget.node();
    return { kind: 'lambda', op, path, pos };
  }
  const variable = cur.match(IDENTIFIER) ?? cur.fail(`expected a lambda variable, as in ${path.join('/')}/${op}(x: x/Name eq 'a'), but found ${cur.found()}`);
  cur.pos += variable.length;
  cur.skipSpaces();
  cur.expect(':', `':' after the lambda variable '${variable}'`);
  cur.skipSpaces();
  const predicate = ctx.parseExpr();
  cur.skipSpaces();
  cur.expect(')', `')' to close ${op}(`);
  ctx.budget.leave();
  ctx.budget.node();
  return { kind: 'lambda', op, path, variable, predicate, pos };
}

function readSegment(ctx: ExprCtx): string {
  const { cur } = ctx;
  const c = cur.peek();
  if (c === '$' || c === '@') {
    const what = c === '@' ? 'annotation segments' : `the ${cur.found()} segment`;
    throw new NotImplementedError(`${cur.label}: ${what} in member paths (at position ${cur.abs()}) are not supported.`);
  }
  return readName(cur) ?? cur.fail(`expected a property name after '/' but found ${cur.found()}`);
}

/** Continues a member path whose first segment was read; ends in a member or a lambda node. */
export function parsePathRest(ctx: ExprCtx, path: string[], start: number): Expr {
  const { cur } = ctx;
  if (path[0]?.includes('.') && cur.peek() !== '/') {
    cur.fail(`'${path[0]}' is a qualified name: a type cast must be followed by '/' and a property, a function by '('`);
  }
  while (cur.peek() === '/') {
    cur.pos++;
    const segStart = cur.pos;
    const seg = readSegment(ctx);
    if (cur.peek() !== '(') {
      path.push(seg);
      continue;
    }
    if (isLambdaOperator(seg)) return parseLambda(ctx, path, seg, start);
    throw new NotImplementedError(`${cur.label}: key or function segment '${seg}(' in a member path (at position ${cur.abs(segStart)}) is not supported.`);
  }
  ctx.budget.node();
  return { kind: 'member', path, pos: cur.abs(start) };
}

/** A name at the cursor: a function call when '(' follows, otherwise a member path. */
export function parseMemberOrCall(ctx: ExprCtx): Expr {
  const { cur } = ctx;
  const start = cur.pos;
  const name = readName(cur) ?? cur.fail(`expected an expression but found ${cur.found()}`);
  if (cur.peek() !== '(') return parsePathRest(ctx, [name], start);
  // §5.1.1.13: any/all are lambda operators and need the collection path on their left
  if (isLambdaOperator(name)) cur.fail(`${name}() needs a collection path before it, as in Contacts/${name.toLowerCase()}(c: c/Email eq 'x')`);
  return parseCall(ctx, name, start);
}

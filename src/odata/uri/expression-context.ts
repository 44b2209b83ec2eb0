// What every expression sub-parser receives. The recursive entry points are passed in as functions
// (built by parse-expression.ts) so the sub-parsers need not import it: no module cycles.
import type { Expr } from './ast';
import type { Budget } from './budget';
import type { Cursor } from './cursor';

export interface ExprCtx {
  readonly cur: Cursor;
  readonly budget: Budget;
  /** a whole sub-expression, lowest precedence (inside parentheses, argument lists, lambdas) */
  readonly parseExpr: () => Expr;
  /** `@name` used as an operand: its value parsed as an expression (null when never given) */
  readonly aliasExpr: (name: string, pos: number) => Expr;
  /** `@name` used after `in`: its value parsed as a list */
  readonly aliasList: (name: string, pos: number) => readonly Expr[];
}

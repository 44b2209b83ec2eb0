// Work limits for one option value (limits.ts): counts AST nodes as they are built and the nesting
// of parentheses, calls and lambdas as the parser descends, so hostile input stops at the limit
// instead of after a full parse — a 4000-deep $filter fails at its 33rd '('.
import { LimitExceededError } from '../../errors/catalogue';
import type { ODataLimits } from './limits';

export class Budget {
  nodes = 0;
  depth = 0;
  /** deepest nesting reached, so a parameter alias can charge its depth where it is used */
  maxDepth = 0;

  constructor(
    readonly limits: ODataLimits,
    /** e.g. "$filter" — named in the limit message */
    readonly option: string,
  ) {}

  /** Charges `n` AST nodes (an alias value costs its full size at every use). */
  node(n = 1): void {
    this.nodes += n;
    const max = this.limits.maxFilterNodes;
    if (this.nodes > max) throw new LimitExceededError(`${this.option} has more than ${max} nodes (limit ${max})`, { target: this.option });
  }

  /** One level deeper; `extra` charges the depth of an alias value substituted here. */
  enter(extra = 1): void {
    this.depth += extra;
    const max = this.limits.maxExpressionDepth;
    if (this.depth > max) {
      throw new LimitExceededError(`${this.option} is nested more than ${max} levels deep (limit ${max})`, { target: this.option });
    }
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
  }

  leave(extra = 1): void {
    this.depth -= extra;
  }
}

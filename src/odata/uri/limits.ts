// Limits of the OData surface — the parser's (contract: $expand depth 3, URL 8 KiB, $filter nodes 200). Enforced while parsing,
// so hostile input is rejected before it costs more than a linear scan.

export interface ODataLimits {
  /** bytes of path + query as sent; over → 414 */
  readonly maxUrlLength: number;
  /** AST nodes per $filter / $orderby expression (per option, nested options counted separately) */
  readonly maxFilterNodes: number;
  /** nesting of $expand levels, e.g. $expand=A($expand=B($expand=C)) is 3 */
  readonly maxExpandDepth: number;
  /** nesting of parentheses / function calls / lambdas inside one expression */
  readonly maxExpressionDepth: number;
  /** characters of operation bodies one $batch answer may carry (legacy-compat/batch/response-budget.ts); default 64 Mi */
  readonly maxBatchResponseChars?: number;
}

export const DEFAULT_LIMITS: ODataLimits = {
  maxUrlLength: 8192,
  maxFilterNodes: 200,
  maxExpandDepth: 3,
  maxExpressionDepth: 32,
};

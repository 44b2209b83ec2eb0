// The parsed-URI types we own (Olingo's UriInfo idea). The parser in this folder produces them
// purely syntactically (names are not yet checked against the model); binding against metadata/
// happens in src/odata/query/. Literals are already decoded and exact (numbers stay as text).

/** A decoded primitive literal. Numeric values are kept as their exact decimal text. */
export type Literal =
  | { readonly kind: 'literal'; readonly type: 'null'; readonly value: null }
  | { readonly kind: 'literal'; readonly type: 'boolean'; readonly value: boolean }
  | { readonly kind: 'literal'; readonly type: 'string'; readonly value: string }
  /** integer without fraction/exponent, e.g. "-42"; Int32 vs Int64 is decided when binding */
  | { readonly kind: 'literal'; readonly type: 'int'; readonly value: string }
  /** decimal with a fraction and no exponent, e.g. "1000.50" (an `M`/`m` suffix is stripped) */
  | { readonly kind: 'literal'; readonly type: 'decimal'; readonly value: string }
  /** with exponent, or INF / -INF / NaN; `d`/`f` suffixes stripped */
  | { readonly kind: 'literal'; readonly type: 'double'; readonly value: string }
  /** YYYY-MM-DD */
  | { readonly kind: 'literal'; readonly type: 'date'; readonly value: string }
  /** normalised to UTC with milliseconds: YYYY-MM-DDTHH:MM:SS.sssZ */
  | { readonly kind: 'literal'; readonly type: 'dateTimeOffset'; readonly value: string }
  /** HH:MM:SS.sss */
  | { readonly kind: 'literal'; readonly type: 'timeOfDay'; readonly value: string }
  | { readonly kind: 'literal'; readonly type: 'guid'; readonly value: string }
  /** ISO 8601 duration text as written, e.g. "P1DT2H" */
  | { readonly kind: 'literal'; readonly type: 'duration'; readonly value: string }
  /** Namespace.EnumType'Member1,Member2' — typeName is the qualified name as written */
  | { readonly kind: 'literal'; readonly type: 'enum'; readonly typeName: string; readonly value: readonly string[] };

export type LiteralType = Literal['type'];

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type LogicalOp = 'and' | 'or';
export type ArithmeticOp = 'add' | 'sub' | 'mul' | 'div' | 'divby' | 'mod';
export type BinaryOp = ComparisonOp | LogicalOp | ArithmeticOp | 'has';

/** `pos` is the 0-based character offset in the decoded option value, for error messages. */
export type Expr =
  | Literal
  /** Address/City, Customer/Name, or c/Email inside a lambda (first segment = the variable); $it is kept as a segment */
  | { readonly kind: 'member'; readonly path: readonly string[]; readonly pos: number }
  /** Contacts/any(c: c/Email eq 'x'); predicate absent for the parameterless `any()` */
  | {
      readonly kind: 'lambda';
      readonly op: 'any' | 'all';
      readonly path: readonly string[];
      readonly variable?: string;
      readonly predicate?: Expr;
      readonly pos: number;
    }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly pos: number }
  | { readonly kind: 'in'; readonly left: Expr; readonly list: readonly Expr[]; readonly pos: number }
  | { readonly kind: 'not'; readonly operand: Expr; readonly pos: number }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly pos: number }
  /** built-in function call; name as written (lower-case per OData, e.g. 'contains', 'year') */
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly pos: number };

/** $search: terms are words, phrases are "quoted words" (decoded); implicit AND between terms. */
export type SearchExpr =
  | { readonly kind: 'term'; readonly value: string }
  | { readonly kind: 'phrase'; readonly value: string }
  | { readonly kind: 'and' | 'or'; readonly left: SearchExpr; readonly right: SearchExpr }
  | { readonly kind: 'not'; readonly operand: SearchExpr };

export type SelectItem =
  | { readonly kind: 'star' }
  /** a property, or a path into a complex property (Address/City) */
  | { readonly kind: 'path'; readonly path: readonly string[] };

export interface OrderByItem {
  readonly expr: Expr;
  readonly direction: 'asc' | 'desc';
}

export interface ExpandItem {
  /** navigation property path, normally one segment */
  readonly path: readonly string[];
  readonly options: QueryOptions;
  /** `$expand=Contacts/$ref` */
  readonly ref?: boolean;
}

/** System query options. Absent = not given. Names were matched case-insensitively, `$` optional. */
export interface QueryOptions {
  readonly filter?: Expr;
  readonly search?: SearchExpr;
  readonly select?: readonly SelectItem[];
  readonly expand?: readonly ExpandItem[];
  readonly orderby?: readonly OrderByItem[];
  readonly top?: number;
  readonly skip?: number;
  readonly count?: boolean;
  readonly format?: string;
  readonly skiptoken?: string;
  /** $levels inside $expand: 'max' or a number (answered 501 by the binder) */
  readonly levels?: number | 'max';
  /** options that are valid OData but that we do not implement ($apply, $compute, $deltatoken, $schemaversion, $index …) */
  readonly unsupported?: readonly string[];
}

export type KeyPredicate =
  /** Customers('10042'), Categories(7) */
  | { readonly kind: 'single'; readonly value: Literal }
  /** PriceAgreements(CustomerID='10042',ProductID='A-1') */
  | { readonly kind: 'named'; readonly pairs: ReadonlyArray<{ readonly name: string; readonly value: Literal }> };

export type PathSegment =
  | { readonly kind: 'metadata' }
  | { readonly kind: 'batch' }
  | { readonly kind: 'count' }
  | { readonly kind: 'value' }
  | { readonly kind: 'ref' }
  /** entity set, navigation property or property, with an optional key predicate */
  | { readonly kind: 'identifier'; readonly name: string; readonly key?: KeyPredicate };

export interface ODataUri {
  /** segments after the service root; empty = service document */
  readonly segments: readonly PathSegment[];
  readonly options: QueryOptions;
}

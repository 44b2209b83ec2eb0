// Typed, model-checked $filter/$orderby expressions (the binder's output, the SQL compiler's input).
// Unlike the parser's Expr, every name here is resolved against metadata/ and every node has a type,
// so src/data/read can compile without re-checking anything.
import type { EntitySet, EnumProperty, NavigationProperty, PrimitiveProperty } from '../../../metadata';
import type { ComparisonOp, SearchExpr } from '../uri/ast';

/**
 * Type of a bound scalar. Numbers keep their exact family: `int` (Int32/Int64), `decimal` with the
 * scale of its exact integer representation (columns: the model scale; literals: their digits),
 * `double` (approximate). Enums compare by their integer value.
 */
export type ScalarType =
  | { readonly kind: 'string' | 'boolean' | 'date' | 'dateTimeOffset' | 'timeOfDay' | 'double' | 'int' | 'null' }
  | { readonly kind: 'decimal'; readonly scale: number }
  | { readonly kind: 'enum'; readonly enumType: string };

/** A LEFT JOIN for a single-valued navigation used in a member path (`Customer/Name`). */
export interface BoundJoin {
  readonly alias: string;
  readonly parentAlias: string;
  /** the entity set the parent alias ranges over */
  readonly parentSet: EntitySet;
  readonly nav: NavigationProperty;
  readonly set: EntitySet;
}

/** The rows one SQL statement (root, expand level or lambda sub-select) ranges over. */
export interface BoundSource {
  readonly alias: string;
  readonly set: EntitySet;
  /** joins owned by this statement, in creation order */
  readonly joins: readonly BoundJoin[];
}

export type ArithOp = 'add' | 'sub' | 'mul' | 'div' | 'divby' | 'mod';

export type FunctionName =
  | 'contains' | 'startswith' | 'endswith' | 'length' | 'indexof' | 'substring' | 'tolower' | 'toupper'
  | 'trim' | 'concat' | 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fractionalseconds'
  | 'date' | 'time' | 'round' | 'floor' | 'ceiling';

export type BoundExpr =
  /** a primitive or enum column; `path` is the model path (['Address','City']) */
  | {
      readonly kind: 'property';
      readonly type: ScalarType;
      readonly alias: string;
      readonly set: EntitySet;
      readonly path: readonly string[];
      readonly property: PrimitiveProperty | EnumProperty;
      readonly nullable: boolean;
    }
  /** numbers, enum values (their integer value) and dates as exact text; null only with type null */
  | { readonly kind: 'literal'; readonly type: ScalarType; readonly value: string | boolean | null }
  | { readonly kind: 'compare'; readonly type: BooleanType; readonly op: ComparisonOp; readonly left: BoundExpr; readonly right: BoundExpr }
  | { readonly kind: 'logical'; readonly type: BooleanType; readonly op: 'and' | 'or'; readonly left: BoundExpr; readonly right: BoundExpr }
  | { readonly kind: 'not'; readonly type: BooleanType; readonly operand: BoundExpr }
  | { readonly kind: 'in'; readonly type: BooleanType; readonly operand: BoundExpr; readonly list: readonly BoundExpr[] }
  | { readonly kind: 'arith'; readonly type: ScalarType; readonly op: ArithOp; readonly left: BoundExpr; readonly right: BoundExpr }
  | { readonly kind: 'negate'; readonly type: ScalarType; readonly operand: BoundExpr }
  | { readonly kind: 'call'; readonly type: ScalarType; readonly name: FunctionName; readonly args: readonly BoundExpr[] }
  /** any/all over a collection navigation of `parentAlias` */
  | {
      readonly kind: 'lambda';
      readonly type: BooleanType;
      readonly op: 'any' | 'all';
      readonly parentAlias: string;
      readonly parentSet: EntitySet;
      readonly nav: NavigationProperty;
      readonly source: BoundSource;
      readonly predicate?: BoundExpr;
    };

export type BooleanType = { readonly kind: 'boolean' };
export const BOOLEAN: BooleanType = { kind: 'boolean' };

/** $search bound to the searchable columns of the set (model `searchable`). */
export interface BoundSearch {
  readonly expr: SearchExpr;
  /** string properties searched, e.g. ['Name'], ['Address','City'] */
  readonly paths: ReadonlyArray<readonly string[]>;
  readonly alias: string;
  readonly set: EntitySet;
}

export interface BoundOrderItem {
  readonly expr: BoundExpr;
  readonly direction: 'asc' | 'desc';
}

/** Exhaustiveness check for switches over node kinds (a compile error when a kind is added). */
export function assertNever(value: never, what = 'node'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}

/** OData type name of a bound type, for error messages. */
export function edmName(t: ScalarType): string {
  switch (t.kind) {
    case 'string': return 'Edm.String';
    case 'boolean': return 'Edm.Boolean';
    case 'date': return 'Edm.Date';
    case 'dateTimeOffset': return 'Edm.DateTimeOffset';
    case 'timeOfDay': return 'Edm.TimeOfDay';
    case 'double': return 'Edm.Double';
    case 'int': return 'Edm.Int64';
    case 'decimal': return 'Edm.Decimal';
    case 'enum': return `B2X.Erp.${t.enumType}`;
    case 'null': return 'null';
    default: return assertNever(t, 'type');
  }
}

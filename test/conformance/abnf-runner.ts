// Runs OASIS OData ABNF test cases (shared/conformance/odata-abnf-testcases.yaml) against our URL
// parser: each Rule is mapped to the entry point that parses that part of a URL, and the outcome
// is compared with the case's expectation (valid, or FailAt = must be rejected).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseODataUri, parseQueryOptions, parseResourcePath } from '../../src/odata/uri';
import { Cursor } from '../../src/odata/uri/cursor';
import { readLiteral } from '../../src/odata/uri/parse-literal';
import { percentDecode } from '../../src/odata/uri/percent-decode';

export interface AbnfCase {
  readonly Name: string;
  readonly Rule: string;
  readonly Input: string;
  readonly FailAt?: number;
}

export interface Outcome {
  readonly case: AbnfCase;
  readonly valid: boolean;
  readonly accepted: boolean;
  readonly error?: string;
}

export interface Summary {
  readonly validTotal: number;
  readonly validAccepted: number;
  readonly invalidTotal: number;
  readonly invalidRejected: number;
  readonly acceptanceRate: number;
  readonly rejectionRate: number;
  /** valid cases rejected and invalid cases accepted */
  readonly misses: readonly Outcome[];
}

type Runner = (input: string) => unknown;

export const SINGLE_OPTION_RULES = ['systemQueryOption', 'filter', 'expand', 'select', 'orderby', 'orderBy', 'search', 'skiptoken', 'deltatoken'];
export const EXPRESSION_RULES = ['commonExpr', 'boolCommonExpr', 'boolcommonExpr', 'notExpr', 'firstMemberExpr', 'propertyPathExpr'];

/** Literal rules and the ast.ts literal types that satisfy them. */
const NUMERIC = ['int', 'decimal', 'double'];
export const LITERAL_RULES: ReadonlyMap<string, readonly string[] | undefined> = new Map([
  ['primitiveLiteral', undefined],
  ['boolean', ['boolean']],
  ['null', ['null']],
  ['stringLiteral', ['string']],
  ['guid', ['guid']],
  ['date', ['date']],
  ['dateTimeOffsetLiteral', ['dateTimeOffset']],
  ['dateTimeOffsetValueInUrl', ['dateTimeOffset']],
  ['timeOfDayLiteral', ['timeOfDay']],
  // without the duration/enum prefix the ABNF literal is spelled like a string: so is ours
  ['durationLiteral', ['duration', 'string']],
  ['enumLiteral', ['enum', 'string']],
  ...['sbyteLiteral', 'int16Literal', 'int32Literal', 'int64Literal'].map((r): [string, string[]] => [r, ['int']]),
  ...['decimalLiteral', 'doubleLiteral', 'singleLiteral'].map((r): [string, string[]] => [r, NUMERIC]),
]);
/** body ("…Value") forms of the same types; the URL grammar is the same apart from percent-encoding */
export const VALUE_RULES: ReadonlyMap<string, readonly string[]> = new Map([
  ['dateValue', ['date']],
  ['dateTimeOffsetValue', ['dateTimeOffset']],
  ['timeOfDayValue', ['timeOfDay']],
  ['durationValue', ['duration']],
  ...['byteValue', 'sbyteValue', 'int16Value', 'int32Value', 'int64Value'].map((r): [string, string[]] => [r, ['int']]),
  ...['decimalValue', 'doubleValue', 'singleValue'].map((r): [string, string[]] => [r, NUMERIC]),
]);

function asLiteral(input: string, types: readonly string[] | undefined): unknown {
  const cur = new Cursor(percentDecode(input, 'literal').text, 'literal');
  const lit = readLiteral(cur);
  if (lit === undefined || !cur.done) throw new Error(`not one literal: ${input}`);
  if (types !== undefined && !types.includes(lit.type)) throw new Error(`a ${lit.type} literal, not ${types.join(' or ')}`);
  return lit;
}

function asRelativeUri(input: string): unknown {
  const q = input.indexOf('?');
  return q < 0 ? parseODataUri(`/${input}`, '') : parseODataUri(`/${input.slice(0, q)}`, input.slice(q + 1));
}

/** A rule for one query option is satisfied by exactly one option: a raw '&' starts another. */
function asSingleOption(input: string): unknown {
  if (input.includes('&')) throw new Error("a raw '&' ends the option");
  return parseQueryOptions(input);
}

export function runnerFor(rule: string): Runner | undefined {
  if (rule === 'odataRelativeUri') return asRelativeUri;
  if (['resourcePath', 'entitySetName', 'odataIdentifier'].includes(rule)) return (input) => parseResourcePath(`/${input}`);
  if (rule === 'queryOptions' || rule === 'customQueryOption') return (input) => parseQueryOptions(input);
  if (SINGLE_OPTION_RULES.includes(rule)) return asSingleOption;
  if (EXPRESSION_RULES.includes(rule)) return (input) => parseQueryOptions(`$filter=${input}`);
  if (rule === 'searchExpr') return (input) => parseQueryOptions(`$search=${input}`);
  if (LITERAL_RULES.has(rule)) return (input) => asLiteral(input, LITERAL_RULES.get(rule));
  if (rule === 'durationValue') return (input) => asLiteral(`duration'${input}'`, VALUE_RULES.get(rule));
  if (VALUE_RULES.has(rule)) return (input) => asLiteral(input, VALUE_RULES.get(rule));
  return undefined;
}

export function loadCases(file: string): { readonly cases: AbnfCase[]; readonly constraints: Record<string, string[]> } {
  const doc = parse(readFileSync(file, 'utf8')) as { TestCases: AbnfCase[]; Constraints: Record<string, string[]> };
  return { cases: doc.TestCases, constraints: doc.Constraints };
}

export function runCase(c: AbnfCase): Outcome {
  const run = runnerFor(c.Rule);
  const valid = c.FailAt === undefined;
  if (run === undefined) return { case: c, valid, accepted: false, error: 'no runner' };
  try {
    run(c.Input);
    return { case: c, valid, accepted: true };
  } catch (e) {
    return { case: c, valid, accepted: false, error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

export function summarise(outcomes: readonly Outcome[]): Summary {
  const valid = outcomes.filter((o) => o.valid);
  const invalid = outcomes.filter((o) => !o.valid);
  const validAccepted = valid.filter((o) => o.accepted).length;
  const invalidRejected = invalid.filter((o) => !o.accepted).length;
  return {
    validTotal: valid.length,
    validAccepted,
    invalidTotal: invalid.length,
    invalidRejected,
    acceptanceRate: valid.length === 0 ? 1 : validAccepted / valid.length,
    rejectionRate: invalid.length === 0 ? 1 : invalidRejected / invalid.length,
    misses: outcomes.filter((o) => o.valid !== o.accepted),
  };
}

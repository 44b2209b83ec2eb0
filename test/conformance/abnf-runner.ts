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

/** The resource path and query parts of a case, as its rule reads the input. */
interface Parts {
  readonly path: string;
  readonly query: string;
  /** the input is a bare expression ($filter / $orderby grammar) */
  readonly expr: boolean;
}

const SINGLE_OPTION_RULES = ['systemQueryOption', 'filter', 'expand', 'select', 'orderby', 'orderBy', 'search', 'skiptoken', 'deltatoken'];
const EXPRESSION_RULES = ['commonExpr', 'boolCommonExpr', 'boolcommonExpr', 'notExpr', 'firstMemberExpr', 'propertyPathExpr'];

/** Literal rules and the ast.ts literal types that satisfy them. */
const NUMERIC = ['int', 'decimal', 'double'];
const LITERAL_RULES: ReadonlyMap<string, readonly string[] | undefined> = new Map([
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
const VALUE_RULES: ReadonlyMap<string, readonly string[]> = new Map([
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

function partsOf(c: AbnfCase): Parts {
  if (c.Rule === 'odataRelativeUri') {
    const q = c.Input.indexOf('?');
    return { path: q < 0 ? c.Input : c.Input.slice(0, q), query: q < 0 ? '' : c.Input.slice(q + 1), expr: false };
  }
  if (['resourcePath', 'entitySetName'].includes(c.Rule)) return { path: c.Input, query: '', expr: false };
  if (EXPRESSION_RULES.includes(c.Rule)) return { path: '', query: c.Input, expr: true };
  if (c.Rule === 'odataIdentifier' || LITERAL_RULES.has(c.Rule) || VALUE_RULES.has(c.Rule)) return { path: '', query: '', expr: false };
  return { path: '', query: c.Input, expr: false };
}

type Scope = 'path' | 'query' | 'all' | 'expr';

/** Names the test model (the YAML's Constraints) gives to functions, actions and derived types. */
export interface TestModel {
  /** function and action (import) names */
  readonly operations: readonly string[];
  /** entity and complex type names that are not also property names: type-cast segments */
  readonly casts: readonly string[];
}

function word(names: readonly string[]): RegExp {
  return new RegExp(`\\b(${names.join('|')})\\b`);
}

/** Features outside our surface, with where in the input they are looked for; the first match names the reason. */
function outOfSurface(model: TestModel): ReadonlyArray<readonly [string, Scope, RegExp]> {
  return [
    ['$apply / aggregation', 'query', /\$?apply=|aggregate\(/i],
    ['$compute', 'query', /(^|[&;(])\$?compute=/i],
    ['cast / isof', 'query', /\b(cast|isof)(\(|%28)/],
    ['geo functions and literals', 'all', /\bgeo\.|geography'|geometry'|SRID/],
    ['binary literals', 'all', /binary'/i],
    ['$crossjoin, $all, $entity, $query, $each', 'path', /\$(crossjoin|all|entity|query|each)\b/],
    ['$metadata context fragments', 'path', /#/],
    ['$root / $this', 'query', /\$(root|this)\b/],
    ['/$filter() segments', 'all', /\$filter(\(|%28)/],
    ['$count inside expressions or $expand', 'query', /\/\$count/],
    ['annotations', 'query', /(^|[/=,(])@[A-Za-z_]\w*[./]|\/@/],
    ['JSON objects and nested arrays', 'query', /\{|%7B|\[\s*\[|%5B%5B/i],
    ['JSON arrays other than after in', 'query', /(?<!\bin )(\[|%5B)/i],
    ['model functions and actions', 'all', word(model.operations)],
    ['type-cast segments', 'all', word(model.casts)],
    ['qualified names other than enum literals', 'all', /[A-Za-z_]\w*\.[A-Za-z_]\w*(?=\(|%28|\/|,|\)|&|;|$)/],
    ['function calls in the path', 'path', /\w(\(\)|%28%29)/],
    ['key-as-segment and ordinal indexes', 'path', /\/(-?\d+|A1245|O'Neil|O%27Neil|Smartphone%2FTablet)(\/|$)/],
    ['parameter aliases in the resource path', 'path', /\(@|=@/],
    ['$value / stream expansion, nested $select options', 'query', /\$expand=\$value|\$select=[^&;(]*\(/],
    ['key access inside expressions', 'expr', /\b[A-Za-z_]\w*\(\d/],
  ];
}

/** Valid ABNF our contract refuses, or invalid ABNF it accepts, on purpose — by rule and input. */
export const DELIBERATE: ReadonlyMap<string, string> = new Map([
  ['queryOptions|$format=json&$Format=atom&$format=xml&$format=text/html', 'a system query option given more than once is a 400 by contract'],
  ['queryOptions|$format=JSON&$format=Atom&$format=XML&$format=text/html', 'a system query option given more than once is a 400 by contract'],
  ["odataRelativeUri|Categories('Smartphone/Tablet')", "lenient on purpose: a raw '/' inside a quoted key is data"],
  ["resourcePath|Categories('Tablet/Slate')", "lenient on purpose: a raw '/' inside a quoted key is data"],
  ['odataRelativeUri|Categories(1)/Address/$value', 'needs the model (complex property): the binder decides'],
  ['odataRelativeUri|Categories(1)/Thumbnail/$value', 'needs the model (stream property): the binder decides'],
]);

/** Function/action and derived-type names from the YAML's Constraints section. */
export function testModel(constraints: Readonly<Record<string, readonly string[]>>): TestModel {
  const keys = Object.keys(constraints);
  const namesOf = (re: RegExp): string[] => keys.filter((k) => re.test(k)).flatMap((k) => constraints[k] ?? []);
  const properties = new Set(namesOf(/Property$|NavigationProperty$|ColProperty$|^singletonEntity$|^entitySetName$/));
  return {
    operations: namesOf(/^action|Function$|FunctionImport$/).filter((n) => /^\w+$/.test(n)),
    casts: namesOf(/^(entityTypeName|complexTypeName)$/).filter((n) => !properties.has(n)),
  };
}

export interface Selection {
  readonly included: readonly AbnfCase[];
  /** reason → number of cases */
  readonly excluded: ReadonlyMap<string, number>;
}

/** Why a case is outside our surface, or undefined when it is inside. */
export function exclusionReason(c: AbnfCase, model: TestModel): string | undefined {
  if (runnerFor(c.Rule) === undefined) return `rule ${c.Rule}`;
  if (VALUE_RULES.has(c.Rule) && c.Input.includes('%')) return 'percent-encoding in a payload value';
  const parts = partsOf(c);
  const feature = outOfSurface(model).find(([, scope, re]) => {
    const text = scope === 'path' ? parts.path : scope === 'query' ? parts.query : scope === 'expr' ? (parts.expr ? parts.query : '') : `${parts.path}?${parts.query}`;
    return re.test(text);
  });
  return feature?.[0] ?? DELIBERATE.get(`${c.Rule}|${c.Input}`);
}

export function selectCases(cases: readonly AbnfCase[], model: TestModel): Selection {
  const included: AbnfCase[] = [];
  const excluded = new Map<string, number>();
  for (const c of cases) {
    const reason = exclusionReason(c, model);
    if (reason === undefined) included.push(c);
    else excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  }
  return { included, excluded };
}

export function loadCases(file: string): { readonly cases: AbnfCase[]; readonly model: TestModel } {
  const doc = parse(readFileSync(file, 'utf8')) as { TestCases: AbnfCase[]; Constraints: Record<string, string[]> };
  return { cases: doc.TestCases, model: testModel(doc.Constraints) };
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

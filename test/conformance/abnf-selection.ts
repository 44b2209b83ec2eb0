// Which OASIS ABNF test cases are inside our OData surface. A case is selected when
//   1. its Rule has a runner (abnf-runner.ts): a resource path, query options or a single option,
//      a common/boolean expression, a search expression, or a URL literal of a type in ast.ts
//      (plus the body "…Value" rules of those types, minus inputs with '%': payloads may not be
//      percent-encoded while URLs may, so those cases only test that difference), and
//   2. its Input uses none of the features we do not implement (outOfSurface below: $apply,
//      $compute, cast/isof, geo, binary literals, $crossjoin/$all/$entity/$query/$each, $root,
//      $this, /$filter() and /$count inside expressions or $expand, annotations, JSON objects and
//      nested arrays, model functions/actions and type casts — named from the YAML's Constraints —,
//      key-as-segment, aliases in the resource path, $value expansion, nested $select options,
//      $metadata context fragments), and
//   3. it is not listed in DELIBERATE: behaviour our contract chooses on purpose.
// A feature excludes a case because of what its input uses, never because of the outcome.
import type { AbnfCase } from './abnf-runner';
import { EXPRESSION_RULES, LITERAL_RULES, VALUE_RULES, runnerFor } from './abnf-runner';

/** The resource path and query parts of a case, as its rule reads the input. */
interface Parts {
  readonly path: string;
  readonly query: string;
  /** the input is a bare expression ($filter / $orderby grammar) */
  readonly expr: boolean;
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


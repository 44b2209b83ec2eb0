// Collects one level of system query options (top level, or one $expand item's options): each
// option at most once, each value handed to its parser, unsupported names remembered for a 501.
import { BadRequestError } from '../../errors/catalogue';
import type { ExpandItem, QueryOptions } from './ast';
import type { AliasScope } from './alias-scope';
import { Budget } from './budget';
import { Cursor } from './cursor';
import type { ODataLimits } from './limits';
import { checkIndex, parseBoolean, parseLevels, parseNonEmpty, parseNonNegativeInt } from './option-values';
import { parseExpression } from './parse-expression';
import { parseOrderByItems } from './parse-orderby';
import { parseSearchExpr } from './parse-search';
import { parseSelectItems } from './parse-select';
import type { EscapedAt } from './search-tokens';

/** One option's decoded value, located inside the top-level option value it came from. */
export interface OptionText {
  /** normalised name without '$', e.g. 'filter' */
  readonly name: string;
  /** for messages and error targets, e.g. '$filter' or '$filter in $expand=Contacts' */
  readonly label: string;
  readonly text: string;
  readonly base: number;
  readonly escaped: EscapedAt;
}

export interface OptionsEnv {
  readonly limits: ODataLimits;
  readonly aliases: AliasScope;
  /** $expand levels above these options (0 at the top level) */
  readonly expandDepth: number;
  /** which characters of the top-level value were percent-encoded ($search keeps an encoded ';') */
  readonly escaped: EscapedAt;
  /** the $expand parser, passed in so that it and this file need not import each other */
  readonly parseExpand: (cur: Cursor, env: OptionsEnv) => ExpandItem[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Runs `parse` and insists it consumed the whole value. */
function whole<T>(o: OptionText, parse: (cur: Cursor) => T): T {
  const cur = new Cursor(o.text, o.label, o.base);
  const value = parse(cur);
  if (!cur.done) cur.fail(`unexpected ${cur.found()}`);
  return value;
}

export class OptionsBuilder {
  private readonly out: Mutable<QueryOptions> = {};
  private readonly seen = new Set<string>();
  private readonly unsupported: string[] = [];

  constructor(private readonly env: OptionsEnv) {}

  get limits(): ODataLimits {
    return this.env.limits;
  }

  markUnsupported(name: string, o?: OptionText): void {
    if (name === 'index' && o) checkIndex(o.label, o.text);
    if (!this.unsupported.includes(`$${name}`)) this.unsupported.push(`$${name}`);
  }

  add(o: OptionText): void {
    // URL Conventions §5: a system query option is specified at most once
    if (this.seen.has(o.name)) throw new BadRequestError(`${o.label} is given more than once.`, { target: o.label });
    this.seen.add(o.name);
    this.apply(o);
  }

  private apply(o: OptionText): void {
    const { env, out } = this;
    const budget = (): Budget => new Budget(env.limits, o.label);
    const exprEnv = { limits: env.limits, aliases: env.aliases };
    switch (o.name) {
      case 'filter': out.filter = parseExpression(new Cursor(o.text, o.label, o.base), budget(), exprEnv); return;
      case 'orderby': out.orderby = whole(o, (cur) => parseOrderByItems(cur, budget(), exprEnv)); return;
      case 'search': out.search = whole(o, (cur) => parseSearchExpr(cur, budget(), o.escaped)); return;
      case 'select': out.select = whole(o, parseSelectItems); return;
      case 'expand': out.expand = whole(o, (cur) => env.parseExpand(cur, { ...env, escaped: o.escaped })); return;
      case 'top': out.top = parseNonNegativeInt(o.label, o.text); return;
      case 'skip': out.skip = parseNonNegativeInt(o.label, o.text); return;
      case 'count': out.count = parseBoolean(o.label, o.text); return;
      case 'levels': out.levels = parseLevels(o.label, o.text); return;
      case 'format': out.format = parseNonEmpty(o.label, o.text); return;
      case 'skiptoken': out.skiptoken = parseNonEmpty(o.label, o.text); return;
      default: throw new BadRequestError(`Unknown query option ${o.label}.`, { target: o.label });
    }
  }

  build(): QueryOptions {
    return this.unsupported.length > 0 ? { ...this.out, unsupported: this.unsupported } : { ...this.out };
  }
}

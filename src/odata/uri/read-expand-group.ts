// One `(name=value;…)` group after an $expand item, read in two passes: first split it into
// options (parsing $search for real, since its words may hold quotes) and collect @aliases, then
// hand each option to the builder, so an alias may be used before it is defined in the group.
import { BadRequestError } from '../../errors/catalogue';
import type { AliasScope } from './alias-scope';
import { Budget } from './budget';
import type { Cursor } from './cursor';
import type { OptionsBuilder, OptionText } from './options-builder';
import { parseSearchExpr } from './parse-search';
import { skipOptionValue } from './skip-option-value';
import { EXPAND_ITEM_UNSUPPORTED, isSystemOption, normaliseOptionName } from './system-options';
import type { EscapedAt } from './search-tokens';

export interface GroupRules {
  /** the expand item, for messages: 'Contacts' or 'Customer/$ref' */
  readonly item: string;
  readonly allowed: ReadonlySet<string>;
  readonly aliases: AliasScope;
  readonly escaped: EscapedAt;
}

const NAME = /[$@]?[\p{L}_][\p{L}\p{Nd}_]*/uy;

/** Checks the name may appear in this group; returns the bare name, or undefined when unsupported. */
function admit(cur: Cursor, raw: string, at: number, rules: GroupRules): string | undefined {
  const { bare } = normaliseOptionName(raw);
  if (rules.allowed.has(bare)) return bare;
  if (EXPAND_ITEM_UNSUPPORTED.has(bare) && !rules.item.endsWith('$ref')) return undefined;
  if (!isSystemOption(bare)) throw new BadRequestError(`Unknown query option ${raw} in $expand=${rules.item}(…).`, { target: '$expand' });
  return cur.fail(`${raw} is not allowed in the options of ${rules.item} (allowed: ${[...rules.allowed].map((n) => `$${n}`).join(', ')})`, at);
}

function readValue(cur: Cursor, bare: string, label: string, rules: GroupRules, limits: Budget['limits']): void {
  if (bare === 'search') parseSearchExpr(cur, new Budget(limits, label), rules.escaped);
  else skipOptionValue(cur);
}

export function readExpandGroup(cur: Cursor, builder: OptionsBuilder, rules: GroupRules): void {
  const open = cur.pos++;
  const pending: OptionText[] = [];
  for (;;) {
    const at = cur.pos;
    const raw = cur.match(NAME) ?? cur.fail(`expected a query option name such as $filter but found ${cur.found()}`);
    cur.pos += raw.length;
    cur.expect('=', `'=' after ${raw}`);
    const start = cur.pos;
    const bare = raw.startsWith('@') ? '@' : admit(cur, raw, at, rules);
    const label = `$${bare ?? ''} in $expand=${rules.item}`;
    readValue(cur, bare ?? '', label, rules, builder.limits);
    const text = cur.text.slice(start, cur.pos);
    if (bare === '@') rules.aliases.define(raw.slice(1), text, cur.abs(start));
    else if (bare === undefined) builder.markUnsupported(normaliseOptionName(raw).bare);
    else pending.push({ name: bare, label, text, base: cur.abs(start), escaped: rules.escaped });
    if (cur.eat(';')) continue;
    if (cur.eat(')')) break;
    cur.fail(`expected ';' or ')' to close the options of ${rules.item} opened at position ${cur.abs(open)} but found ${cur.found()}`);
  }
  for (const o of pending) builder.add(o);
}

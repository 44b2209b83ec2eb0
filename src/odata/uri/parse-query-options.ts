// The query string → QueryOptions. Split on the raw '&' and the first raw '=' before decoding,
// so %26 and %3D stay data (URL Conventions §2). '+' is kept as a literal plus, as in RFC 3986
// and the OData ABNF (SIGN = "+" / "%2B"): it is not a space, which only HTML form encoding
// says. Clients send spaces as %20, and a raw '+' in 2024-01-01T10:00+01:00 must stay a sign.
import { BadRequestError, ODataSyntaxError } from '../../errors/catalogue';
import type { QueryOptions } from './ast';
import { AliasScope } from './alias-scope';
import { isIdentifier } from './lexical';
import { DEFAULT_LIMITS, type ODataLimits } from './limits';
import { OptionsBuilder, type OptionText } from './options-builder';
import { parseExpandItems } from './parse-expand';
import { percentDecode } from './percent-decode';
import { TOP_LEVEL, TOP_LEVEL_UNSUPPORTED, normaliseOptionName } from './system-options';

interface RawOption {
  readonly name: string;
  /** undefined when the part has no '=' at all */
  readonly rawValue: string | undefined;
}

function splitQuery(query: string): RawOption[] {
  const parts: RawOption[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = percentDecode(eq < 0 ? part : part.slice(0, eq), 'a query option name').text;
    parts.push({ name, rawValue: eq < 0 ? undefined : part.slice(eq + 1) });
  }
  return parts;
}

function defineAlias(aliases: AliasScope, o: RawOption): void {
  const name = o.name.slice(1);
  if (!isIdentifier(name)) throw new BadRequestError(`'${o.name}' is not a valid parameter alias name.`, { target: o.name });
  if (o.rawValue === undefined) throw new BadRequestError(`Parameter alias ${o.name} needs a value (${o.name}=…).`, { target: o.name });
  aliases.define(name, percentDecode(o.rawValue, `the value of ${o.name}`).text);
}

function optionText(o: RawOption, bare: string): OptionText {
  const label = `$${bare}`;
  if (o.rawValue === undefined) throw new BadRequestError(`${label} needs a value (${label}=…).`, { target: label });
  const decoded = percentDecode(o.rawValue, `the value of ${label}`);
  return { name: bare, label, text: decoded.text, base: 0, escaped: decoded.escaped };
}

/**
 * Parses the query string (without '?', still percent-encoded) into system query options.
 * Custom options (no '$', not a system option name) are ignored; unknown $-options are a 400.
 */
export function parseQueryOptions(rawQuery: string, limits: ODataLimits = DEFAULT_LIMITS): QueryOptions {
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  const hash = query.indexOf('#');
  if (hash >= 0) throw new ODataSyntaxError("'#' must be percent-encoded as %23 in the query", hash);
  const raw = splitQuery(query);
  const aliases = new AliasScope();
  for (const o of raw) if (o.name.startsWith('@')) defineAlias(aliases, o);
  const builder = new OptionsBuilder({ limits, aliases, expandDepth: 0, escaped: () => false, parseExpand: parseExpandItems });
  for (const o of raw) {
    if (o.name.startsWith('@')) continue;
    const { bare, dollar } = normaliseOptionName(o.name);
    if (TOP_LEVEL.has(bare)) builder.add(optionText(o, bare));
    else if (TOP_LEVEL_UNSUPPORTED.has(bare)) builder.markUnsupported(bare, o.rawValue === undefined ? undefined : optionText(o, bare));
    else if (dollar) throw new BadRequestError(`Unknown system query option '${o.name}'.`, { target: o.name });
  }
  return builder.build();
}

// Parameter aliases (@name=value, URL Conventions §5.3 and OData-Protocol "Parameter Aliases"): values are
// collected first, then parsed lazily where used, once per scope, with self-reference detected.
// A nested $expand group opens a child scope that sees its parents' aliases.
import { BadRequestError } from '../../errors/catalogue';

export interface AliasValue {
  /** decoded value text */
  readonly text: string;
  /** offset of that text inside the option value that defined it (0 at top level) */
  readonly base: number;
  /** the scope the alias was defined in: its own alias references resolve there */
  readonly scope: AliasScope;
}

export class AliasScope {
  private readonly values = new Map<string, AliasValue>();
  /** parsed values keyed by "<mode>:<name>"; the resolver owns what is stored */
  readonly cache = new Map<string, unknown>();
  /** keys being parsed right now: meeting one again means the alias refers to itself */
  readonly resolving = new Set<string>();

  constructor(private readonly parent?: AliasScope) {}

  /** OData-Protocol: an alias "MUST NOT be specified more than once". */
  define(name: string, text: string, base = 0): void {
    if (this.values.has(name)) throw new BadRequestError(`Parameter alias @${name} is given more than once.`, { target: `@${name}` });
    this.values.set(name, { text, base, scope: this });
  }

  lookup(name: string): AliasValue | undefined {
    return this.values.get(name) ?? this.parent?.lookup(name);
  }

  child(): AliasScope {
    return new AliasScope(this);
  }
}

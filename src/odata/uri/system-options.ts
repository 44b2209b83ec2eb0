// Names of the system query options (URL Conventions §5.1, ABNF systemQueryOption). Names are
// case-insensitive and the '$' is optional since OData 4.01, so 'filter', '$FILTER' and
// '$filter' are one option. Which may appear where follows ABNF expandOption / expandRefOption.

export type OptionName =
  | 'filter'
  | 'search'
  | 'select'
  | 'expand'
  | 'orderby'
  | 'top'
  | 'skip'
  | 'count'
  | 'format'
  | 'skiptoken'
  | 'levels';

/** understood at the top level of a request */
export const TOP_LEVEL: ReadonlySet<string> = new Set<OptionName>(['filter', 'search', 'select', 'expand', 'orderby', 'top', 'skip', 'count', 'format', 'skiptoken']);
/** valid OData we do not implement: recorded in `unsupported`, the caller answers 501 */
export const TOP_LEVEL_UNSUPPORTED: ReadonlySet<string> = new Set(['apply', 'compute', 'deltatoken', 'schemaversion', 'index', 'levels', 'id']);

/** inside $expand=Nav(…) */
export const EXPAND_ITEM: ReadonlySet<string> = new Set<OptionName>(['filter', 'select', 'orderby', 'top', 'skip', 'count', 'expand', 'search', 'levels']);
/** inside $expand=Nav/$ref(…): no $select, $expand or $levels (ABNF expandRefOption) */
export const EXPAND_REF_ITEM: ReadonlySet<string> = new Set<OptionName>(['filter', 'search', 'orderby', 'skip', 'top', 'count']);
/** inside $expand=*(…) */
export const EXPAND_STAR_ITEM: ReadonlySet<string> = new Set<OptionName>(['levels']);
/** valid inside $expand=Nav(…) but not implemented */
export const EXPAND_ITEM_UNSUPPORTED: ReadonlySet<string> = new Set(['compute', 'apply']);

const ALL_SYSTEM = new Set([...TOP_LEVEL, ...TOP_LEVEL_UNSUPPORTED, ...EXPAND_ITEM]);

/** 'filter' for '$Filter' or 'filter'; `dollar` tells whether the client wrote the '$'. */
export function normaliseOptionName(name: string): { readonly bare: string; readonly dollar: boolean } {
  const lower = name.toLowerCase();
  const dollar = lower.startsWith('$');
  return { bare: dollar ? lower.slice(1) : lower, dollar };
}

export function isSystemOption(bare: string): boolean {
  return ALL_SYSTEM.has(bare);
}

// @odata.nextLink of server-driven paging: the request URL with every other query option kept as
// sent, $skip dropped (the token already points past it), $top reduced by the rows delivered,
// and the keyset $skiptoken appended.

const PAGING_OPTIONS = new Set(['skip', 'skiptoken', 'top']);

/** Option name as the parser matches it: percent-decoded, `$` optional, case-insensitive. */
function optionName(param: string): string {
  const raw = param.split('=', 1)[0] ?? '';
  let name = raw;
  try {
    name = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // keep the raw name; the parser would have rejected a broken escape anyway
  }
  return name.replace(/^\$/, '').toLowerCase();
}

export interface NextLinkInput {
  readonly serviceRoot: string;
  readonly resourcePath: string;
  readonly rawQuery: string;
  /** rows still wanted by the client's $top, if it gave one */
  readonly remainingTop?: number;
  readonly skiptoken: string;
}

export function buildNextLink(input: NextLinkInput): string {
  const kept = input.rawQuery.split('&').filter((p) => p !== '' && !PAGING_OPTIONS.has(optionName(p)));
  if (input.remainingTop !== undefined) kept.push(`$top=${input.remainingTop}`);
  kept.push(`$skiptoken=${input.skiptoken}`);
  return `${input.serviceRoot}${input.resourcePath}?${kept.join('&')}`;
}

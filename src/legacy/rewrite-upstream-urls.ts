// The legacy service writes its own service root into answers (@odata.context, nextLink, ids,
// Location, OData-EntityId). A client must only ever see ours: every occurrence of the upstream root
// that IS the root (followed by '/', '?', '#', a quote or the end) is replaced; `…/odata2` is not.

export type UrlRewriter = (text: string) => string;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A rewriter from the upstream root to `ourRoot` (both without a trailing slash). */
export function upstreamUrlRewriter(upstreamRoot: string, ourRoot: string): UrlRewriter {
  const pattern = new RegExp(`${escapeRegExp(upstreamRoot)}(?=[/?#"']|$)`, 'g');
  return (text) => (text.includes(upstreamRoot) ? text.replace(pattern, () => ourRoot) : text);
}

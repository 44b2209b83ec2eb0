// Weak ETags from the Version concurrency token: W/"<version>" (model.md).

export const etagOf = (version: string): string => `W/"${version}"`;

/** True when an If-Match / If-None-Match header value names this ETag (or is `*`). */
export function etagMatches(header: string, version: string): boolean {
  const tag = etagOf(version);
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === tag || v === `"${version}"`;
  });
}

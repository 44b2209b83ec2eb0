// Splits the request URL into the resource path after the service root and the raw query, both
// still percent-encoded, exactly as the client sent them (the parser decodes, not Express).
import type { Request } from 'express';

export interface RequestTarget {
  readonly path: string;
  readonly rawQuery: string;
  /** absolute service root without trailing slash, e.g. http://127.0.0.1:8080/odata */
  readonly serviceRoot: string;
}

export function requestTarget(req: Request, fallbackHost: string): RequestTarget {
  const rest = req.originalUrl.slice(req.baseUrl.length);
  const q = rest.indexOf('?');
  const host = req.get('host') ?? fallbackHost;
  return {
    path: q < 0 ? rest : rest.slice(0, q),
    rawQuery: q < 0 ? '' : rest.slice(q + 1),
    serviceRoot: `${req.protocol}://${host}${req.baseUrl}`,
  };
}

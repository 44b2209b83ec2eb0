// The OData URL parser behind one call: our own linear-time recursive-descent parser producing the
// ast.ts types, with the limits enforced while parsing. Only src/odata/uri/ parses URLs.
import { UriTooLongError } from '../../errors/catalogue';
import type { ODataUri } from './ast';
import { DEFAULT_LIMITS, type ODataLimits } from './limits';
import { parseResourcePath } from './parse-path';
import { parseQueryOptions } from './parse-query-options';

/**
 * Parses the resource path after the service root (e.g. `/Customers('10042')`) and the raw query
 * string (without '?', still percent-encoded). Limits are enforced while parsing; errors are the
 * catalogue's 400/414/501 classes with positions.
 */
export function parseODataUri(path: string, rawQuery: string, limits: ODataLimits = DEFAULT_LIMITS): ODataUri {
  const bytes = Buffer.byteLength(path) + (rawQuery === '' ? 0 : 1 + Buffer.byteLength(rawQuery));
  if (bytes > limits.maxUrlLength) {
    throw new UriTooLongError(`The URL is longer than ${limits.maxUrlLength} bytes (limit ${limits.maxUrlLength}): ${bytes} bytes.`);
  }
  return { segments: parseResourcePath(path), options: parseQueryOptions(rawQuery, limits) };
}

export type * from './ast';
export { DEFAULT_LIMITS, type ODataLimits } from './limits';
export { parseResourcePath } from './parse-path';
export { parseQueryOptions } from './parse-query-options';

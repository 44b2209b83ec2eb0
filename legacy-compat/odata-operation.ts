// One OData request as data: what a processor needs from it (method, headers, parsed body) and what
// it answers ({status, headers, body}), so the same processors serve a single HTTP request and each
// operation of a $batch (Protocol §11.7: batch operations are ordinary requests, answered in-body).
import type { JsonValue } from '../src/edm/exact-json';
import type { ResponseText } from '../src/odata/format/text-chunks';

/** A request as the processors see it: the router builds it from Express, $batch from a batch part. */
export interface ODataOperation {
  readonly method: string;
  /** header value by case-insensitive name, undefined when absent */
  header(name: string): string | undefined;
  /** the parsed JSON body (undefined: none sent) */
  readonly body?: JsonValue;
}

/** What a processor answers; the router writes it to `res`, $batch into its response body. */
export interface ODataResponse {
  readonly status: number;
  /** response headers in the order they are to be written */
  readonly headers: Readonly<Record<string, string>>;
  /** chunked when large (text-chunks.ts) */
  readonly body?: ResponseText;
}

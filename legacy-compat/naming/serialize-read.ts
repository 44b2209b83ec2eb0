// A read result written for the client: with canonical names as it is, or under a name mapping
// (issue #5) with the public names — the context URL's select/expand clause rebuilt from the
// request's options, everything else written by the serializer with the mapping's served names.
import type { Naming } from '../../src/edm/naming';
import { serializeRead, type SerializedResponse } from '../../src/odata/format/write-response';
import type { ResponseFormat } from '../../src/odata/format/response-format';
import { publicContextSelect } from '../../src/odata/naming/public-context-select';
import type { ReadResult } from '../../src/odata/query/read-result';
import type { QueryOptions } from '../../src/odata/uri/ast';

function withPublicContext(naming: Naming, r: ReadResult, options: QueryOptions): ReadResult {
  if (r.kind !== 'collection' && r.kind !== 'entity') return r;
  const { contextSelect: _canonical, ...rest } = r;
  const select = publicContextSelect(naming.tables, r.set.type, options);
  return { ...rest, ...(select !== undefined ? { contextSelect: select } : {}) };
}

/** `options` are the (canonical) query options the result was read with. */
export function serializeForClient(
  r: ReadResult, options: QueryOptions, ctx: { readonly serviceRoot: string; readonly naming?: Naming }, format: ResponseFormat,
): SerializedResponse {
  const naming = ctx.naming;
  if (naming === undefined) return serializeRead(r, { serviceRoot: ctx.serviceRoot, format });
  return serializeRead(withPublicContext(naming, r, options), { serviceRoot: ctx.serviceRoot, format, names: naming.served });
}

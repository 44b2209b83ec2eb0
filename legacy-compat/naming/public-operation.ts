// One operation under a name mapping (issue #5): its body turned canonical before the processor
// sees it, and its errors turned public after. The URL was already made canonical by the router
// (or by $batch for each part), so the processors in between work on canonical names only.
import { entitySet, type EntitySet } from '../../metadata';
import type { Naming } from '../../src/edm/naming';
import { bindPath } from '../../src/odata/query/bind-path';
import type { ODataUri } from '../../src/odata/uri/ast';
import type { ODataOperation, ODataResponse } from '../odata-operation';
import { canonicalPayload } from './canonical-payload';
import { publicError } from './public-error';

/** The set the operation addresses; when the path does not bind, the set it starts from (for error names). */
function addressedSet(uri: ODataUri): EntitySet | undefined {
  try {
    return bindPath(uri.segments).target;
  } catch {
    const first = uri.segments[0];
    return first?.kind === 'identifier' ? entitySet(first.name) : undefined;
  }
}

export async function inPublicNames(
  naming: Naming, op: ODataOperation, uri: ODataUri, run: (op: ODataOperation) => Promise<ODataResponse>,
): Promise<ODataResponse> {
  const set = addressedSet(uri);
  if (!set) return run(op);
  const body = op.body === undefined ? undefined : canonicalPayload(naming.tables, set, op.body);
  try {
    return await run(body === undefined ? op : { ...op, body });
  } catch (err) {
    throw publicError(naming.tables, set.type, err);
  }
}

// A batch operation's URL → this service's resource path and the parsed URI in canonical names.
// A change set parses its operations' URLs once, before it runs, to preload their entities
// (preload-targets.ts); the operations then run on that same parse instead of parsing again
// (the profile of a 50-PATCH change set showed every URL parsed twice).
import { toCanonicalUri } from '../../src/odata/naming/rename-uri';
import { parseODataUri } from '../../src/odata/uri';
import type { ODataUri } from '../../src/odata/uri/ast';
import type { OperationContext } from '../handle-operation';
import type { BatchOperation } from './batch-request';
import { resolveOperationUrl, type OperationTarget } from './resolve-url';

export interface ParsedTarget {
  readonly target: OperationTarget;
  /** with canonical names (the name mapping undone) */
  readonly uri: ODataUri;
}

/** Parses within the service limits; throws the 400/414 a single request would get. */
export function parseOperationTarget(op: BatchOperation, base: OperationContext, refs: ReadonlyMap<string, string>): ParsedTarget {
  const target = resolveOperationUrl(op.url, base.serviceRoot, refs);
  const parsed = parseODataUri(target.path, target.rawQuery, base.limits);
  return { target, uri: base.naming ? toCanonicalUri(base.naming.tables, parsed) : parsed };
}

/**
 * What a change set parsed ahead. Only URLs without a `$<id>` reference: theirs depend on what
 * earlier operations produce, so they are parsed when they run.
 */
export type ParsedTargets = ReadonlyMap<BatchOperation, ParsedTarget>;

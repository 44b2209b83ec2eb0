// The URL of a batch operation → the resource path and query of THIS service (Protocol §11.7.2:
// relative to the service root, absolute-path, or absolute; §11.7.3.1 `$<Content-ID>` references).
// Anything on another origin or outside the service root is a 400: $batch never forwards requests.
import { BadRequestError } from '../../src/errors/catalogue';

export interface OperationTarget {
  /** after the service root, still percent-encoded, e.g. "/Customers('1')/Contacts" */
  readonly path: string;
  /** without '?', still percent-encoded */
  readonly rawQuery: string;
}

/** `$1/Contacts` → the URL the operation with Content-ID 1 produced, plus `/Contacts`. */
function expandReference(url: string, refs: ReadonlyMap<string, string>): string {
  const m = /^\$([^/?#]+)(.*)$/s.exec(url);
  if (!m || m[1] === undefined) return url;
  const entity = refs.get(m[1]);
  if (entity === undefined) throw new BadRequestError(`$${m[1]} does not reference an earlier successful operation of this batch.`);
  return entity + (m[2] ?? '');
}

/**
 * A relative URL that WHATWG URL resolution would append to the root unchanged: no scheme, query,
 * fragment, percent-encoding, dot segment or character it would escape (`Products('A-1')`).
 * Most batch operations look like this; resolving them by hand saves two URL parses each.
 */
const PLAIN_RELATIVE = /^[A-Za-z0-9_~!&'()*+,;=@.-][A-Za-z0-9_~!&'()*+,;=@./-]*$/;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/** Resolves `url` against the service root; 400 unless it stays on this origin under the root. */
export function resolveOperationUrl(url: string, serviceRoot: string, refs: ReadonlyMap<string, string>): OperationTarget {
  if (PLAIN_RELATIVE.test(url) && !DOT_SEGMENT.test(url)) return { path: `/${url}`, rawQuery: '' };
  const root = new URL(`${serviceRoot}/`);
  let resolved: URL;
  try {
    resolved = new URL(expandReference(url, refs), root);
  } catch (err) {
    if (err instanceof BadRequestError) throw err;
    throw new BadRequestError(`The operation URL ${JSON.stringify(url)} is not a valid URL.`);
  }
  if (resolved.origin !== root.origin || !resolved.pathname.startsWith(root.pathname) || resolved.username !== '' || resolved.password !== '') {
    throw new BadRequestError(`The operation URL ${JSON.stringify(url)} does not address this service (${serviceRoot}); $batch executes requests of this service only.`);
  }
  return { path: `/${resolved.pathname.slice(root.pathname.length)}`, rawQuery: resolved.search.replace(/^\?/, '') };
}

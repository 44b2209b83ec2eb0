// The resource path after the service root (URL Conventions §4). Split on raw '/' outside quoted
// key strings, then percent-decode each segment: %2F inside Customers('A%2FB') is data, and so is
// a raw '/' inside the quotes (lenient: some clients do not encode it).
import { NotImplementedError, ODataSyntaxError } from '../../errors/catalogue';
import type { PathSegment } from './ast';
import { Cursor } from './cursor';
import { IDENTIFIER } from './lexical';
import { parseKeyPredicate } from './parse-key-predicate';
import { percentDecode } from './percent-decode';

const DOLLAR_SEGMENTS: Readonly<Record<string, PathSegment>> = {
  $metadata: { kind: 'metadata' },
  $batch: { kind: 'batch' },
  $count: { kind: 'count' },
  $value: { kind: 'value' },
  $ref: { kind: 'ref' },
};

interface RawSegment {
  readonly raw: string;
  /** offset of the segment in the path given to parseResourcePath */
  readonly at: number;
}

/** Splits on '/' outside single quotes; a quote may also be written %27 (ABNF SQUOTE). */
function splitSegments(path: string, offset: number): RawSegment[] {
  const out: RawSegment[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path.charAt(i);
    if (c === "'" || (c === '%' && path.charAt(i + 1) === '2' && path.charAt(i + 2) === '7')) quoted = !quoted;
    else if (c === '/' && !quoted) {
      out.push({ raw: path.slice(start, i), at: offset + start });
      start = i + 1;
    }
  }
  out.push({ raw: path.slice(start), at: offset + start });
  return out;
}

function parseSegment(seg: RawSegment): PathSegment {
  const text = percentDecode(seg.raw, `path segment '${seg.raw}'`).text;
  const cur = new Cursor(text, `path segment '${text}'`, seg.at);
  if (text === '') cur.fail('empty path segment (two slashes in a row?)');
  const special = text.startsWith('$') ? DOLLAR_SEGMENTS[text] : undefined;
  if (special) return special;
  if (text.startsWith('$')) throw new NotImplementedError(`The path segment '${text}' is not supported.`);
  const name = cur.match(IDENTIFIER) ?? cur.fail(`expected an entity set, navigation property or property name but found ${cur.found()}`);
  cur.pos += name.length;
  if (cur.peek() === '.' && /[\p{L}_]/u.test(cur.peek(1))) {
    throw new NotImplementedError(`Type-cast and operation segments such as '${text}' are not supported.`);
  }
  const key = cur.peek() === '(' ? parseKeyPredicate(cur) : undefined;
  if (!cur.done) cur.fail(`unexpected ${cur.found()}`);
  return key ? { kind: 'identifier', name, key } : { kind: 'identifier', name };
}

/** $metadata and $batch stand alone; $count, $value and $ref end a path (URL Conventions §4.4–§4.8). */
function checkOrder(segments: readonly PathSegment[], raws: readonly RawSegment[]): void {
  segments.forEach((s, i) => {
    const at = raws[i]?.at ?? 0;
    const name = raws[i]?.raw ?? '';
    if ((s.kind === 'metadata' || s.kind === 'batch') && segments.length > 1) {
      throw new ODataSyntaxError(`${name} must be the only path segment`, at);
    }
    if ((s.kind === 'count' || s.kind === 'value' || s.kind === 'ref') && (i === 0 || i < segments.length - 1)) {
      throw new ODataSyntaxError(`${name} must follow a resource and end the path`, at);
    }
  });
}

/**
 * Parses the path after the service root, e.g. `/Customers('10042')/Contacts`; '' or '/' is the
 * service document. One trailing slash is tolerated.
 */
export function parseResourcePath(path: string): PathSegment[] {
  const lead = path.startsWith('/') ? 1 : 0;
  let body = path.slice(lead);
  if (body.endsWith('/')) body = body.slice(0, -1);
  if (body === '') return [];
  const raws = splitSegments(body, lead);
  const segments = raws.map(parseSegment);
  checkOrder(segments, raws);
  return segments;
}

// multipart/mixed batch bodies (Protocol §11.7.2; RFC 2046 §5.1): parts of application/http with
// Content-Transfer-Encoding binary, or multipart/mixed change sets one level deep. Strict and
// linear: a missing boundary, an unterminated part or >100 operations is a 400, never a hang.
import { BadRequestError } from '../../src/errors/catalogue';
import { MAX_BATCH_OPERATIONS, tooManyOperations, type BatchOperation, type BatchUnit } from './batch-request';
import { parseMediaType } from './media-type';

// RFC 2046 §5.1.1: 1–70 characters, not ending in a space
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const REQUEST_LINE = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/;

const bad = (message: string) => new BadRequestError(message);

/** The boundary of a multipart/mixed Content-Type; 400 when missing or not valid per RFC 2046. */
export function boundaryOf(contentType: string | undefined, what: string): string {
  const boundary = parseMediaType(contentType)?.params.get('boundary');
  if (boundary === undefined || boundary === '') throw bad(`The ${what} Content-Type multipart/mixed has no boundary parameter.`);
  if (!BOUNDARY.test(boundary)) throw bad(`The ${what} boundary is not valid (RFC 2046 §5.1.1: 1–70 characters).`);
  return boundary;
}

/** Next `--boundary` at the start of a line and followed by `--`, blanks or a line end; -1 if none. */
function findDelimiter(text: string, delim: string, from: number): number {
  for (let i = text.indexOf(delim, from); i >= 0; i = text.indexOf(delim, i + 1)) {
    const atLineStart = i === 0 || text[i - 1] === '\n';
    const next = text[i + delim.length];
    if (atLineStart && (next === undefined || next === '-' || next === ' ' || next === '\t' || next === '\r' || next === '\n')) return i;
  }
  return -1;
}

/** Skips transport padding and the line break after a delimiter (CRLF, or bare LF from sloppy clients). */
function skipLineEnd(text: string, at: number, what: string): number {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (text[i] === '\n') return i + 1;
  throw bad(`The ${what} has a malformed boundary line.`);
}

/** The bodies of the parts between the delimiters of `boundary` (preamble and epilogue ignored). */
function splitParts(text: string, boundary: string, what: string, budget: { left: number }): string[] {
  const delim = `--${boundary}`;
  let pos = findDelimiter(text, delim, 0);
  if (pos < 0) throw bad(`The ${what} does not contain its boundary --${boundary}.`);
  const parts: string[] = [];
  while (!text.startsWith('--', pos + delim.length)) {
    const start = skipLineEnd(text, pos + delim.length, what);
    const next = findDelimiter(text, delim, start);
    if (next < 0) throw bad(`The ${what} is truncated: its closing boundary --${boundary}-- is missing.`);
    // the line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1)
    let end = next > 0 && text[next - 1] === '\n' ? next - 1 : next;
    if (end > start && text[end - 1] === '\r') end--;
    parts.push(text.slice(start, Math.max(start, end)));
    if (--budget.left < 0) throw tooManyOperations();
    pos = next;
  }
  return parts;
}

/** Header lines up to the first empty line, and what follows it. */
function splitHead(text: string): { head: string[]; body: string } {
  const blank = /\r?\n\r?\n/.exec(text);
  if (text.startsWith('\n') || text.startsWith('\r\n')) return { head: [], body: text.slice(text.indexOf('\n') + 1) };
  if (!blank) return { head: text.split(/\r?\n/), body: '' };
  return { head: text.slice(0, blank.index).split(/\r?\n/), body: text.slice(blank.index + blank[0].length) };
}

function parseHeaders(lines: readonly string[], what: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!HEADER_NAME.test(name)) throw bad(`${what} has a malformed header line: ${JSON.stringify(line.slice(0, 80))}.`);
    headers.set(name.toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** One application/http part: `METHOD URL HTTP/1.1`, headers, an empty line, the body. */
function parseOperation(part: string, what: string): BatchOperation {
  const outer = splitHead(part);
  const mime = parseHeaders(outer.head, what);
  const type = parseMediaType(mime.get('content-type'))?.type;
  if (type !== 'application/http') throw bad(`${what} has Content-Type ${mime.get('content-type') ?? '(none)'}; expected application/http.`);
  const encoding = mime.get('content-transfer-encoding');
  if (encoding !== undefined && encoding.toLowerCase() !== 'binary') throw bad(`${what} has Content-Transfer-Encoding ${encoding}; only binary is supported.`);
  const inner = splitHead(outer.body);
  const [requestLine = '', ...headerLines] = inner.head;
  const m = REQUEST_LINE.exec(requestLine);
  if (!m) throw bad(`${what} does not start with a request line 'METHOD URL HTTP/1.1'.`);
  const headers = parseHeaders(headerLines, what);
  const id = mime.get('content-id') ?? headers.get('content-id');
  return {
    ...(id !== undefined ? { id } : {}),
    method: m[1] ?? '', url: m[2] ?? '', headers, dependsOn: [],
    ...(inner.body.trim() !== '' ? { body: { text: inner.body } } : {}),
  };
}

/** A change set: a multipart/mixed part whose parts are all operations (Protocol §11.7.2). */
function parseChangeSet(body: string, contentType: string | undefined, n: number, budget: { left: number }): BatchUnit {
  const what = `change set ${n}`;
  budget.left++; // the change set itself is no operation; its members are
  const ops = splitParts(body, boundaryOf(contentType, what), what, budget).map((p, i) => parseOperation(p, `Operation ${i + 1} of ${what}`));
  if (ops.length === 0) throw bad(`The ${what} contains no operation.`);
  return { kind: 'changeSet', ops };
}

function assertUniqueIds(units: readonly BatchUnit[]): void {
  const seen = new Set<string>();
  for (const op of units.flatMap((u) => (u.kind === 'operation' ? [u.op] : u.ops))) {
    if (op.id === undefined) continue;
    if (seen.has(op.id)) throw bad(`Content-ID ${op.id} is used twice in this $batch.`);
    seen.add(op.id);
  }
}

/** The units of a multipart/mixed $batch body, in order. */
export function parseMultipartBatch(text: string, contentType: string | undefined): BatchUnit[] {
  const budget = { left: MAX_BATCH_OPERATIONS };
  const units = splitParts(text, boundaryOf(contentType, '$batch request'), '$batch request body', budget).map((part, i): BatchUnit => {
    const { head, body } = splitHead(part);
    const mime = parseHeaders(head, `Batch part ${i + 1}`);
    const type = mime.get('content-type');
    if (parseMediaType(type)?.type === 'multipart/mixed') return parseChangeSet(body, type, i + 1, budget);
    return { kind: 'operation', op: parseOperation(part, `Batch part ${i + 1}`) };
  });
  assertUniqueIds(units);
  return units;
}

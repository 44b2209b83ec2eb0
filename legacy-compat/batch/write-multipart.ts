// The multipart/mixed batch response (Protocol §11.7.4; RFC 2046 §5.1): one application/http part
// per operation (status line, headers, body), a committed change set as a nested multipart/mixed,
// a failed one as the single failure in its place — Content-ID echoed on every part. Written into
// chunks (text-chunks.ts): a batch of reads easily passes the size where one string gets costly.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { TextChunks, type ResponseText } from '../../src/odata/format/text-chunks';
import type { OperationOutcome, UnitOutcome } from './run-batch';

const CRLF = '\r\n';

function writeHttpPart(out: TextChunks, { op, response }: OperationOutcome): void {
  const mime = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (op.id !== undefined) mime.push(`Content-ID: ${op.id}`);
  const statusLine = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd();
  const headers = Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`);
  out.add([...mime, '', statusLine, ...headers, '', ''].join(CRLF));
  if (response.body !== undefined) out.addText(response.body);
}

function writeMultipart<T>(out: TextChunks, boundary: string, parts: readonly T[], writePart: (out: TextChunks, part: T) => void): void {
  for (const part of parts) {
    out.add(`--${boundary}${CRLF}`);
    writePart(out, part);
    out.add(CRLF);
  }
  out.add(`--${boundary}--${CRLF}`);
}

function writeUnit(out: TextChunks, u: UnitOutcome): void {
  if (u.kind === 'operation') return writeHttpPart(out, u.outcome);
  if (!u.ok) return writeHttpPart(out, u.failure);
  const boundary = `changesetresponse_${randomUUID()}`;
  out.add(`Content-Type: multipart/mixed; boundary=${boundary}${CRLF}${CRLF}`);
  writeMultipart(out, boundary, u.outcomes, writeHttpPart);
}

/** The response body and its Content-Type with a fresh boundary. */
export function writeMultipartBatch(units: readonly UnitOutcome[]): { contentType: string; body: ResponseText } {
  const boundary = `batchresponse_${randomUUID()}`;
  const out = new TextChunks();
  writeMultipart(out, boundary, units, writeUnit);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: out.text() };
}

// The multipart/mixed batch response (Protocol §11.7.4; RFC 2046 §5.1): one application/http part
// per operation (status line, headers, body), a committed change set as a nested multipart/mixed,
// a failed one as the single failure in its place — Content-ID echoed on every part.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { OperationOutcome, UnitOutcome } from './run-batch';

const CRLF = '\r\n';

function httpPart({ op, response }: OperationOutcome): string {
  const mime = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (op.id !== undefined) mime.push(`Content-ID: ${op.id}`);
  const statusLine = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd();
  const headers = Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`);
  return [...mime, '', statusLine, ...headers, '', response.body ?? ''].join(CRLF);
}

function multipart(boundary: string, parts: readonly string[]): string {
  return parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join('') + `--${boundary}--${CRLF}`;
}

function unitPart(u: UnitOutcome): string {
  if (u.kind === 'operation') return httpPart(u.outcome);
  if (!u.ok) return httpPart(u.failure);
  const boundary = `changesetresponse_${randomUUID()}`;
  return [`Content-Type: multipart/mixed; boundary=${boundary}`, '', multipart(boundary, u.outcomes.map(httpPart))].join(CRLF);
}

/** The response body and its Content-Type with a fresh boundary. */
export function writeMultipartBatch(units: readonly UnitOutcome[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: multipart(boundary, units.map(unitPart)) };
}

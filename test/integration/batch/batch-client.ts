// Builds multipart/mixed and JSON $batch requests and reads their responses, independently of
// the server's own parser, so the tests check the wire format (Protocol §11.7, JSON Format §19).
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import type { Dialect } from '../../../src/data/db';
import { writeClient, writerKey, type WriteClient } from '../odata-write/write-client';

const CRLF = '\r\n';

export interface PartSpec {
  readonly id?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** One application/http part: `METHOD URL HTTP/1.1`, headers, body. */
export function part(method: string, url: string, spec: PartSpec = {}): string {
  const mime = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', ...(spec.id ? [`Content-ID: ${spec.id}`] : [])];
  const headers = { ...(spec.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...spec.headers };
  const body = spec.body === undefined ? '' : JSON.stringify(spec.body);
  return [...mime, '', `${method} ${url} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', body].join(CRLF);
}

export function multipart(boundary: string, parts: readonly string[]): string {
  return parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join('') + `--${boundary}--${CRLF}`;
}

let n = 0;
/** A change set part holding `parts`. */
export function changeSet(parts: readonly string[]): string {
  const boundary = `changeset_${++n}`;
  return [`Content-Type: multipart/mixed; boundary=${boundary}`, '', multipart(boundary, parts)].join(CRLF);
}

export interface PartResponse {
  readonly contentId?: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}
export type UnitResponse = PartResponse | { readonly changeSet: PartResponse[] };

function headerMap(lines: string[]): Record<string, string> {
  return Object.fromEntries(lines.filter((l) => l !== '').map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
}

function splitMultipart(body: string, boundary: string): string[] {
  const end = body.indexOf(`--${boundary}--`);
  return body.slice(0, end).split(`--${boundary}${CRLF}`).slice(1).map((p) => p.replace(/\r\n$/, ''));
}

function readPart(text: string): UnitResponse {
  const [mimeText = '', rest = ''] = splitOnce(text, CRLF + CRLF);
  const mime = headerMap(mimeText.split(CRLF));
  const boundary = /boundary=([^;]+)/.exec(mime['content-type'] ?? '')?.[1];
  if (mime['content-type']?.startsWith('multipart/mixed') && boundary) return { changeSet: splitMultipart(rest, boundary).map((p) => readPart(p) as PartResponse) };
  const [head = '', body = ''] = splitOnce(rest, CRLF + CRLF);
  const [statusLine = '', ...headerLines] = head.split(CRLF);
  const headers = headerMap(headerLines);
  return {
    ...(mime['content-id'] ? { contentId: mime['content-id'] } : {}),
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: body === '' ? undefined : headers['content-type']?.startsWith('application/json') ? JSON.parse(body) : body,
  };
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

export interface BatchAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly units: UnitResponse[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

/** POSTs a $batch body with `contentType` and reads the answer (multipart or JSON). */
export async function postBatch(gw: TestGateway, key: string, contentType: string, body: string, headers: Record<string, string> = {}): Promise<BatchAnswer> {
  const res = await gw.request('/odata/$batch', key, { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const boundary = /boundary=([^;]+)/.exec(type)?.[1];
  const units = type.startsWith('multipart/mixed') && boundary ? splitMultipart(text, boundary).map(readPart) : [];
  const json: unknown = type.startsWith('application/json') ? JSON.parse(text) : undefined;
  return { status: res.status, headers: res.headers, text, units, json };
}

/** A multipart batch of `parts` with a fixed boundary. */
export const sendMultipart = (gw: TestGateway, key: string, parts: readonly string[], headers: Record<string, string> = {}) =>
  postBatch(gw, key, 'multipart/mixed; boundary=batch_test', multipart('batch_test', parts), headers);

/** A JSON batch of `requests`. */
export const sendJson = (gw: TestGateway, key: string, requests: readonly unknown[], headers: Record<string, string> = {}) =>
  postBatch(gw, key, 'application/json', JSON.stringify({ requests }), headers);

/** A gateway with a key that may write everything for tenant acme, and a client for it: where every batch test starts. */
export async function batchGateway(dialect: Dialect): Promise<{ gw: TestGateway; key: string; w: WriteClient }> {
  const gw = await startTestGateway(dialect);
  const key = await writerKey(gw, 'acme');
  return { gw, key, w: writeClient(gw, key) };
}

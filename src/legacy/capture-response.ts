// Shadow mode with the local side primary (issue #5): local dispatch answers the client as always;
// this keeps a copy of what it writes, for THIS response only (its own write/end are wrapped), and
// hands it over once the response has finished — the comparison starts after the client has its answer.
import type { Response } from 'express';

export interface CapturedResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** beyond this a copy is not kept (and the comparison is given up): pages are far smaller */
const MAX_CAPTURE_BYTES = 16 * 1024 * 1024;

type Chunk = string | Buffer | Uint8Array;
const toBuffer = (chunk: Chunk, encoding: unknown): Buffer =>
  typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk);

/** `done` gets the captured answer after 'finish', or undefined if the response failed or was too big. */
export function captureResponse(res: Response, done: (captured: CapturedResponse | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_CAPTURE_BYTES) return;
    const b = toBuffer(chunk as Chunk, encoding);
    size += b.length;
    chunks.push(b);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), write(chunk, ...rest))) as Response['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), end(chunk, ...rest))) as Response['end'];
  let settled = false;
  const settle = (ok: boolean) => {
    if (settled) return;
    settled = true;
    const contentType = res.getHeader('content-type');
    done(ok && size <= MAX_CAPTURE_BYTES ? { status: res.statusCode, contentType: typeof contentType === 'string' ? contentType : undefined, body: Buffer.concat(chunks).toString('utf8') } : undefined);
  };
  res.once('finish', () => settle(true));
  res.once('close', () => settle(false));
}

// Request bodies of OData writes: JSON only (415 otherwise), UTF-8 only, at most 10 MiB (413),
// parsed with exact numbers (src/edm/exact-json) so decimals never pass through a float.
// The router calls this for write methods only; reads never buffer a body.
import express, { type Request, type Response } from 'express';
import { BadRequestError, UnsupportedMediaTypeError } from '../src/errors/catalogue';
import { parseExactJson, type JsonValue } from '../src/edm/exact-json';

/** contract.md limits: body 10 MiB */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const readRaw = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

/** Protocol §8.1.1: application/json, optionally with odata.* / IEEE754Compatible / charset=utf-8. */
export function checkContentType(header: string | undefined): void {
  if (header === 'application/json') return; // nearly every request (and every $batch part) says exactly this
  const [type = '', ...params] = (header ?? '').split(';');
  if (type.trim().toLowerCase() !== 'application/json') {
    throw new UnsupportedMediaTypeError('Send the request body as Content-Type: application/json.');
  }
  for (const p of params) {
    const [name = '', value = ''] = p.split('=').map((s) => s.trim().toLowerCase().replace(/^"(.*)"$/, '$1'));
    if (name === 'charset' && value !== 'utf-8' && value !== 'utf8') {
      throw new UnsupportedMediaTypeError(`charset=${value} is not supported; send UTF-8.`);
    }
  }
}

/**
 * The raw body (≤ 10 MiB, 413 beyond; empty when there is none). It stays in req.body, so a later
 * reader of the same request (local dispatch after the legacy gate looked at it) gets it again.
 */
export async function readRawBody(req: Request, res: Response): Promise<Buffer> {
  await new Promise<void>((resolve, reject) => readRaw(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
  const raw: unknown = req.body;
  return Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? '0') > 0;
}

/** The parsed JSON body, or undefined when the request has none. */
export async function readJsonBody(req: Request, res: Response): Promise<JsonValue | undefined> {
  if (!hasBody(req)) return undefined;
  checkContentType(req.get('content-type'));
  const raw = await readRawBody(req, res);
  if (raw.length === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new BadRequestError('The request body is not valid UTF-8.');
  }
  return parseExactJson(text);
}

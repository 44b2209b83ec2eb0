// The raw request body of a request the gate forwards or inspects (writes, $batch), with the /odata
// limit of 10 MiB (413 beyond). It stays in req.body, so local dispatch, which reads bodies through
// the same body-parser, finds it already read and uses it as it is.
import express, { type Request, type Response } from 'express';
import { MAX_BODY_BYTES } from '../../legacy-compat/read-json-body';

const readRaw = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

export async function readRawBody(req: Request, res: Response): Promise<Buffer> {
  await new Promise<void>((resolve, reject) => readRaw(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
  const raw: unknown = req.body;
  return Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
}

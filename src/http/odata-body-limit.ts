// The request-body ceiling of /odata (contract.md "Limits": body 10 MiB): the body is read into
// req.body as a Buffer (for the write and $batch processors), at most this many bytes after
// decompression; more → 413 PayloadTooLarge via the error handler, before the rest is buffered.
import express from 'express';

export const ODATA_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export function odataBodyLimit(limitBytes: number = ODATA_BODY_LIMIT_BYTES) {
  return express.raw({ limit: limitBytes, type: () => true });
}

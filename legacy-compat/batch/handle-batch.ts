// POST /odata/$batch (Protocol §11.7; JSON Format §19): read the body (10 MiB), parse it as
// multipart/mixed or JSON (100 operations at most), charge one rate-limit unit per operation,
// run it, answer 200 in the request's format. Audited as one `odata.batch` row with row totals.
import type { Request, Response } from 'express';
import { BadRequestError, ForbiddenError, UnsupportedMediaTypeError } from '../../src/errors/catalogue';
import { consume } from '../../src/http/rate-limit';
import { requestLog, setAuditInfo } from '../../src/http/request-context';
import type { OperationContext } from '../handle-operation';
import { parsePrefer } from '../negotiate';
import { DATA_OPERATIONS } from '../operations';
import { readRawBody } from '../read-json-body';
import { operationCount, type ParsedBatch } from './batch-request';
import { parseMediaType } from './media-type';
import { parseJsonBatch } from './parse-json-batch';
import { parseMultipartBatch } from './parse-multipart';
import { runBatch } from './run-batch';
import { writeJsonBatch } from './write-json-batch';
import { writeMultipartBatch } from './write-multipart';
import { endWithText } from '../../src/http/end-with-text';

async function readText(req: Request, res: Response): Promise<string> {
  const raw = await readRawBody(req, res);
  if (raw.length === 0) throw new BadRequestError('The $batch request has no body.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new BadRequestError('The $batch request body is not valid UTF-8.');
  }
}

/** multipart/mixed (Protocol §11.7.2) or application/json (JSON Format §19); else 415. */
export function parseBatch(contentType: string | undefined, text: string): ParsedBatch {
  const type = parseMediaType(contentType)?.type;
  if (type === 'multipart/mixed') return { format: 'multipart', units: parseMultipartBatch(text, contentType) };
  if (type === 'application/json') return { format: 'json', units: parseJsonBatch(text) };
  throw new UnsupportedMediaTypeError('Send the $batch as Content-Type: multipart/mixed; boundary=… or application/json.');
}

export async function handleBatch(req: Request, res: Response, base: OperationContext): Promise<void> {
  setAuditInfo(res, { operation: 'odata.batch', target: '$batch' });
  // each operation is authorized on its own; an account without any data grant is refused up front
  if (!DATA_OPERATIONS.some((op) => base.principal.operations.has(op))) {
    throw new ForbiddenError('This service account is granted no OData operation, so it cannot send a $batch.');
  }
  const contentType = req.get('content-type');
  if (parseMediaType(contentType) === undefined) throw new UnsupportedMediaTypeError('Send the $batch as Content-Type: multipart/mixed; boundary=… or application/json.');
  const batch = parseBatch(contentType, await readText(req, res));
  // contract "Rate limiting": each operation counts; the HTTP request itself already cost one unit
  const ops = operationCount(batch);
  if (ops > 1) await consume(res, ops - 1);
  const continueOnError = parsePrefer(req.get('prefer')).continueOnError === true;
  const onBug = (err: unknown) => requestLog(res).error({ err }, 'batch operation failed');
  const outcome = await runBatch(batch.units, { base, continueOnError, onBug });
  setAuditInfo(res, { rowsRead: outcome.rowsRead, rowsWritten: outcome.rowsWritten });
  const out = batch.format === 'json' ? writeJsonBatch(outcome.units) : writeMultipartBatch(outcome.units);
  if (continueOnError) res.setHeader('Preference-Applied', 'odata.continue-on-error');
  res.setHeader('Content-Type', out.contentType);
  res.status(200);
  endWithText(res, out.body);
}

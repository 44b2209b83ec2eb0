// A $batch answer is assembled in memory (multipart or JSON) before it is sent, so the bodies of
// its operations together are capped: a hundred reads of 1,000-entity pages fit, a hundred
// $expands of 10,000 entities each do not (~500 MB, past what one string may hold). Once the cap
// is reached, the read that crossed it and every later request are answered with LimitExceeded
// instead — the later ones without being executed, so no write takes effect unreported. A write
// that already ran keeps its real answer (its body is one entity).
import { LimitExceededError } from '../../src/errors/catalogue';
import type { BatchOperation } from './batch-request';
import { textLength, type ResponseText } from '../../src/odata/format/text-chunks';

/** UTF-16 characters of operation bodies one $batch answer may carry. */
export const MAX_BATCH_RESPONSE_CHARS = 64 * 1024 * 1024;

const size = (chars: number): string => (chars % (1024 * 1024) === 0 ? `${chars / (1024 * 1024)} Mi` : String(chars));

export const responseTooLarge = (limit: number): LimitExceededError =>
  new LimitExceededError(
    `The $batch response would exceed ${size(limit)} characters (the limit); ` +
      'this request was not answered — send it, and the requests after it, in another $batch, or page the reads.',
  );

export class ResponseBudget {
  private used = 0;

  constructor(readonly limit: number = MAX_BATCH_RESPONSE_CHARS) {}

  get exhausted(): boolean {
    return this.used > this.limit;
  }

  /** Counts a body; true when it fits (for a read whose answer may still be withheld). */
  charge(body: ResponseText | undefined): boolean {
    this.used += body === undefined ? 0 : textLength(body);
    return !this.exhausted;
  }

  /** Only a read's answer may be withheld after it ran: withholding a write's would hide that it took effect. */
  static isRead(op: BatchOperation): boolean {
    return op.method === 'GET' || op.method === 'HEAD';
  }
}

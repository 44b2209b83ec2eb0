// A parsed $batch, whichever format it came in (Protocol §11.7, JSON Format §19): an ordered list
// of single operations and change sets (atomicity groups), each operation an ordinary request.
import type { JsonValue } from '../../src/edm/exact-json';
import { LimitExceededError } from '../../src/errors/catalogue';

/** contract.md limits: 100 operations per $batch (change-set members each count). */
export const MAX_BATCH_OPERATIONS = 100;

export const tooManyOperations = (): LimitExceededError =>
  new LimitExceededError(`A $batch may contain at most ${MAX_BATCH_OPERATIONS} operations (limit: ${MAX_BATCH_OPERATIONS} operations per batch).`);

/** A JSON batch body arrives parsed; a multipart one as text with its own Content-Type. */
export type OperationBody = { readonly json: JsonValue } | { readonly text: string };

export interface BatchOperation {
  /** Content-ID (multipart) or id (JSON batch); what `$<id>` references name */
  readonly id?: string;
  readonly method: string;
  /** as sent: relative to the service root, absolute-path, absolute, or starting with `$<id>` */
  readonly url: string;
  /** header values by lower-case name */
  readonly headers: ReadonlyMap<string, string>;
  readonly body?: OperationBody;
  /** JSON batch dependsOn: ids of earlier requests or atomicity groups */
  readonly dependsOn: readonly string[];
}

export type BatchUnit =
  | { readonly kind: 'operation'; readonly op: BatchOperation }
  | { readonly kind: 'changeSet'; readonly id?: string; readonly ops: readonly BatchOperation[] };

export interface ParsedBatch {
  readonly format: 'multipart' | 'json';
  readonly units: readonly BatchUnit[];
}

export const operationCount = (batch: ParsedBatch): number =>
  batch.units.reduce((n, u) => n + (u.kind === 'operation' ? 1 : u.ops.length), 0);

// What a pure decide function returns — events and the new state, or a typed error — and the
// checks every entity decision shares: If-Match, references, uniqueness, computed properties.
import { typeOfSet, type EntitySet, type EntityType } from '../../../metadata';
import { PreconditionFailedError, ValidationError, type ErrorDetail, type GatewayError } from '../../errors/catalogue';
import type { ModelRecord } from '../../edm/model-values';
import type { DecidedEvent } from '../command';
import type { ExpectedVersion } from './entity-commands';
import { keyText } from './entity-key';
import { CREATED_AT, MODIFIED_AT, type Reference } from './entity-rules';

export type Decision<T> = ({ readonly ok: true; readonly events: readonly DecidedEvent[] } & T) | { readonly ok: false; readonly error: GatewayError };

export const reject = (error: GatewayError): { readonly ok: false; readonly error: GatewayError } => ({ ok: false, error });

/** The Version of a record of a type with a concurrency token (undefined for types without one). */
export function versionOf(type: EntityType, record: ModelRecord): string | undefined {
  const v = type.concurrency ? record[type.concurrency] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** If-Match (Protocol §8.2.4): `*` matches any existing entity, a list must name the current Version. */
export function preconditionError(type: EntityType, current: ModelRecord, expected: ExpectedVersion | undefined): GatewayError | undefined {
  if (expected === undefined || expected === '*') return undefined;
  const version = versionOf(type, current);
  if (version !== undefined && expected.includes(version)) return undefined;
  return new PreconditionFailedError(
    version === undefined
      ? `${type.name} entities have no ETag; If-Match can only be '*'.`
      : `The ETag does not match: the entity has been changed (current ETag W/"${version}"). Read it again and retry.`,
  );
}

/** 422 naming each referring property whose target is missing and each duplicated unique property. */
export function integrityError(set: EntitySet, missing: readonly Reference[], duplicates: readonly string[]): GatewayError | undefined {
  const details: ErrorDetail[] = [
    ...missing.flatMap((r) => r.properties.map((p) => ({ code: 'UnknownReference', message: `${p}: no ${r.set.name}${keyText(r.key)} exists`, target: p }))),
    ...duplicates.map((p) => ({ code: 'Duplicate', message: `${p}: another entity of ${set.name} already has this value (ignoring case)`, target: p })),
  ];
  if (details.length === 0) return undefined;
  return new ValidationError(`The ${typeOfSet(set).name} is invalid: ${details.map((d) => d.message).join('; ')}`, { details });
}

/** Sets the computed properties: CreatedAt once, ModifiedAt always, Version 1 then +1 (model.md). */
export function stampComputed(type: EntityType, record: ModelRecord, now: string, previous?: ModelRecord): ModelRecord {
  const out: Record<string, ModelRecord[string]> = { ...record };
  const has = (name: string) => type.properties.some((p) => p.name === name);
  if (has(CREATED_AT)) out[CREATED_AT] = previous?.[CREATED_AT] ?? now;
  if (has(MODIFIED_AT)) out[MODIFIED_AT] = now;
  if (type.concurrency) {
    const before = previous ? versionOf(type, previous) : undefined;
    out[type.concurrency] = before === undefined ? '1' : (BigInt(before) + 1n).toString();
  }
  return out;
}

// UpdateT (PATCH, merge) and ReplaceT (PUT) as pure functions: validate the input, then decide on
// the current entity → the new entity, the columns to write and a TUpdated event, or a typed
// error. Protocol §11.4.3: PATCH leaves absent properties (and absent members of a complex value)
// unchanged; PUT resets them to their default or null. A change that changes nothing is no event.
import { typeOfSet, type EntitySet, type EntityType } from '../../../metadata';
import { BadRequestError, NotFoundError } from '../../errors/catalogue';
import { checkEntityInput, type InputMode, type InputResult } from '../../edm/input-schema';
import { rawEquals } from '../../edm/input-values';
import type { ComplexModelValue, ModelKey, ModelRecord, ModelValue } from '../../edm/model-values';
import type { ChangeEntityData } from './entity-commands';
import { keyText } from './entity-key';
import type { Reference } from './entity-rules';
import { integrityError, preconditionError, reject, stampComputed, versionOf, type Decision } from './decision';

export interface ChangeLoaded {
  /** the entity as it is (undefined: missing, or another tenant's) */
  readonly current: ModelRecord | undefined;
  readonly missing: readonly Reference[];
  readonly duplicates: readonly string[];
}

export interface ChangeOutcome {
  readonly state: ModelRecord;
  /** the properties to write (empty when nothing changed) */
  readonly changes: ModelRecord;
  /** the Version the write is conditioned on */
  readonly previousVersion: string | undefined;
}

/**
 * Validates the values of an UpdateT (merge) or ReplaceT (full). Key properties may be repeated in
 * the body only with the addressed values (else 400); they are never changed.
 */
export function prepareChange(set: EntitySet, data: ChangeEntityData, mode: InputMode): InputResult {
  const type = typeOfSet(set);
  const values: Record<string, unknown> = { ...data.values };
  for (const k of type.key) {
    const v = data.key[k];
    if (v === undefined) throw new Error(`decide-change: key misses ${k}`);
    if (k in values && !rawEquals(values[k], v)) {
      return reject(new BadRequestError(`The key property ${k} in the body differs from the addressed ${set.name}${keyText(data.key)}; keys cannot change.`, { target: k }));
    }
    values[k] = v;
  }
  return checkEntityInput(type.name, values, mode);
}

// equal as JSON text; === settles the common case (primitives) without serialising both sides
const same = (a: ModelValue | undefined, b: ModelValue | undefined): boolean =>
  a === b || ((typeof a === 'object' || typeof b === 'object' || typeof a === 'number') && JSON.stringify(a) === JSON.stringify(b));

function nextState(type: EntityType, current: ModelRecord, values: ModelRecord, mode: InputMode): ModelRecord {
  const next: Record<string, ModelValue> = { ...current };
  for (const p of type.properties) {
    if (!(p.name in values)) continue;
    const v = values[p.name] ?? null;
    // merge: a complex value's absent members stay as they are
    next[p.name] = mode === 'merge' && p.kind === 'complex' && v !== null ? { ...(current[p.name] as ComplexModelValue | null), ...v as ComplexModelValue } : v;
  }
  return next;
}

export function decideChange(
  set: EntitySet, key: ModelKey, values: ModelRecord, mode: InputMode,
  expected: ChangeEntityData['expectedVersion'], loaded: ChangeLoaded, now: string,
): Decision<ChangeOutcome> {
  const type = typeOfSet(set);
  const current = loaded.current;
  if (!current) return reject(new NotFoundError(`${set.name}${keyText(key)} does not exist.`));
  const stale = preconditionError(type, current, expected);
  if (stale) return reject(stale);
  const invalid = integrityError(set, loaded.missing, loaded.duplicates);
  if (invalid) return reject(invalid);
  const previousVersion = versionOf(type, current);
  const candidate = nextState(type, current, values, mode);
  const changed = type.properties.filter((p) => !same(candidate[p.name], current[p.name])).map((p) => p.name);
  if (changed.length === 0) return { ok: true, state: current, changes: {}, previousVersion, events: [] };
  const state = stampComputed(type, candidate, now, current);
  const changes = Object.fromEntries(type.properties.filter((p) => !same(state[p.name], current[p.name])).map((p) => [p.name, state[p.name] ?? null]));
  return { ok: true, state, changes, previousVersion, events: [{ type: `${type.name}Updated`, data: { key, entity: state, changed, replaced: mode === 'full' } }] };
}

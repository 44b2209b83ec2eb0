// CreateT as pure functions: validate the input against the model, link deep-inserted entities
// to their parent, then decide (key free? references exist? unique values free?) → the new
// entity and its TCreated event, or a typed error. No I/O: unit-tested without a database.
import { navigation, qualified, typeOfSet, type EntitySet, type NavigationProperty } from '../../../metadata';
import { BadRequestError, ConflictError } from '../../errors/catalogue';
import { checkEntityInput, type InputResult } from '../../edm/input-schema';
import { rawEquals } from '../../edm/input-values';
import type { ModelRecord } from '../../edm/model-values';
import type { CreateEntityData } from './entity-commands';
import { keyOf, keyText } from './entity-key';
import type { Reference } from './entity-rules';
import { integrityError, reject, stampComputed, type Decision } from './decision';

export interface CreateLoaded {
  /** an entity with this key exists in the tenant */
  readonly exists: boolean;
  readonly missing: readonly Reference[];
  /** unique-ignoring-case properties whose value another entity has */
  readonly duplicates: readonly string[];
}

/** Validates and canonicalises the values of a CreateT (full mode: defaults and nulls filled in). */
export const prepareCreate = (set: EntitySet, data: CreateEntityData): InputResult => checkEntityInput(typeOfSet(set).name, data.values, 'full');

export function decideCreate(set: EntitySet, values: ModelRecord, loaded: CreateLoaded, now: string): Decision<{ readonly state: ModelRecord }> {
  const type = typeOfSet(set);
  const key = keyOf(type, values);
  if (loaded.exists) return reject(new ConflictError(`${set.name}${keyText(key)} already exists.`, { target: set.name }));
  const invalid = integrityError(set, loaded.missing, loaded.duplicates);
  if (invalid) return reject(invalid);
  const state = stampComputed(type, values, now);
  return { ok: true, state, events: [{ type: `${type.name}Created`, data: { key, entity: state } }] };
}

/** The collection navigation a deep insert goes through; 400 for anything else. */
export function deepInsertNavigation(set: EntitySet, name: string): NavigationProperty {
  const nav = navigation(typeOfSet(set), name);
  if (!nav?.collection) throw new BadRequestError(`'${name}' is not a collection navigation of ${qualified(set.type)}; deep insert needs one.`, { target: name });
  return nav;
}

/**
 * A deep-inserted entity's values with its link to the parent set (Contacts of a Customer get
 * its ID as CustomerID). A different value for the link in the body is a 400.
 */
export function linkToParent(nav: NavigationProperty, parent: ModelRecord, child: CreateEntityData): CreateEntityData {
  const values: Record<string, unknown> = { ...child.values };
  for (const pair of nav.on) {
    const v = parent[pair.source];
    if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`decide-create: parent ${pair.source} is ${String(v)}`);
    if (pair.target in values && values[pair.target] !== null && !rawEquals(values[pair.target], v)) {
      throw new BadRequestError(`${pair.target} of an entity in '${nav.name}' must be the parent's ${pair.source} (${String(v)}).`, { target: `${nav.name}/${pair.target}` });
    }
    values[pair.target] = v;
  }
  return { ...child, values };
}

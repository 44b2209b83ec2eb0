// DeleteT as a pure function: the entity as it is and its dependents → a TDeleted event and the
// dependents to delete with it (cascade rules), or a typed error: 404, 412, or 409 while other
// entities still depend on it (a product with price agreements, a category with products).
import { typeOfSet, type EntitySet } from '../../../metadata';
import { ConflictError, NotFoundError } from '../../errors/catalogue';
import type { ModelKey, ModelRecord } from '../../edm/model-values';
import type { DeleteEntityData, EntityRef } from './entity-commands';
import { keyText } from './entity-key';
import { preconditionError, reject, type Decision } from './decision';

export interface DeleteLoaded {
  readonly current: ModelRecord | undefined;
  /** dependents over cascading navigations, deleted first, each by its own DeleteT */
  readonly cascade: readonly EntityRef[];
  /** names of other collection navigations that still have entities */
  readonly blocking: readonly string[];
}

export function decideDelete(set: EntitySet, key: ModelKey, data: DeleteEntityData, loaded: DeleteLoaded): Decision<{ readonly cascade: readonly EntityRef[] }> {
  const type = typeOfSet(set);
  const current = loaded.current;
  if (!current) return reject(new NotFoundError(`${set.name}${keyText(key)} does not exist.`));
  const stale = preconditionError(type, current, data.expectedVersion);
  if (stale) return reject(stale);
  if (loaded.blocking.length > 0) {
    return reject(new ConflictError(`${set.name}${keyText(key)} still has ${loaded.blocking.join(' and ')}; delete or move them first.`, { target: loaded.blocking[0] as string }));
  }
  const entity = { key, entity: current, ...(data.cascadeOf ? { cascadeOf: data.cascadeOf } : {}) };
  return { ok: true, cascade: loaded.cascade, events: [{ type: `${type.name}Deleted`, data: entity }] };
}

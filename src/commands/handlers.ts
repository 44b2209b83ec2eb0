// Command type → handler. The entity family is generated from the model (every set gets CreateT,
// UpdateT, ReplaceT, DeleteT); commands with their own handler (e.g. a customers sync) go in OTHER.
import { entityCommandKind, type EntityVerb } from './entity/entity-commands';
import { handleChange, handleCreate, handleDelete } from './entity/handle-entity';
import type { Handler } from './unit-of-work';
import { handleSyncCustomers } from './sync/handle-sync-customers';
import { SYNC_CUSTOMERS } from './sync/sync-types';

const ENTITY_HANDLERS: Readonly<Record<EntityVerb, Handler>> = {
  Create: handleCreate,
  Update: handleChange,
  Replace: handleChange,
  Delete: handleDelete,
};

const OTHER = new Map<string, Handler>([[SYNC_CUSTOMERS, handleSyncCustomers]]);

/** The handler of a command type, or undefined when there is none. */
export function handlerFor(type: string): Handler | undefined {
  const kind = entityCommandKind(type);
  return kind ? ENTITY_HANDLERS[kind.verb] : OTHER.get(type);
}

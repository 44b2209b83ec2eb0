// The per-entity command and event family, generated from the model: for every entity type T the
// commands CreateT, UpdateT (merge, PATCH), ReplaceT (PUT), DeleteT and the events TCreated,
// TUpdated, TDeleted. One generic handler (handle-entity.ts) serves them all, per entity set.
import { MODEL, entitySet, typeOfSet, type EntitySet } from '../../../metadata';
import type { ModelKey, ModelRecord } from '../../edm/model-values';
import { command, type Command, type CommandMetadata, type DomainEvent } from '../command';

/** The model's entity type names, as a type (checked against metadata/ when this module loads). */
export const ENTITY_NAMES = ['Customer', 'Contact', 'Product', 'Category', 'PriceAgreement'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

/** If-Match as a command states it: `*` (must exist) or the acceptable Versions. Absent = unconditional. */
export type ExpectedVersion = '*' | readonly string[];

export interface EntityRef {
  readonly set: string;
  readonly key: ModelKey;
}

export interface CreateEntityData {
  /** property values as sent; the handler validates and canonicalises them against the model */
  readonly values: Readonly<Record<string, unknown>>;
  /** deep insert: collection navigation name → entities created with this one and linked to it */
  readonly related?: Readonly<Record<string, readonly CreateEntityData[]>>;
}

export interface ChangeEntityData {
  readonly key: ModelKey;
  /** Update: the properties to change; Replace: the whole entity (omitted = default or null) */
  readonly values: Readonly<Record<string, unknown>>;
  readonly expectedVersion?: ExpectedVersion;
}

export interface DeleteEntityData {
  readonly key: ModelKey;
  readonly expectedVersion?: ExpectedVersion;
  /** set when the delete is a cascade of deleting this entity */
  readonly cascadeOf?: EntityRef;
}

export type CreateEntity<N extends EntityName = EntityName> = { [K in N]: Command<`Create${K}`, CreateEntityData> }[N];
export type UpdateEntity<N extends EntityName = EntityName> = { [K in N]: Command<`Update${K}`, ChangeEntityData> }[N];
export type ReplaceEntity<N extends EntityName = EntityName> = { [K in N]: Command<`Replace${K}`, ChangeEntityData> }[N];
export type DeleteEntity<N extends EntityName = EntityName> = { [K in N]: Command<`Delete${K}`, DeleteEntityData> }[N];
export type EntityCommand = CreateEntity | UpdateEntity | ReplaceEntity | DeleteEntity;

export type CreateCustomer = CreateEntity<'Customer'>;
export type UpdateCustomer = UpdateEntity<'Customer'>;
export type ReplaceCustomer = ReplaceEntity<'Customer'>;
export type DeleteCustomer = DeleteEntity<'Customer'>;
export type CreateContact = CreateEntity<'Contact'>;
export type UpdateContact = UpdateEntity<'Contact'>;
export type ReplaceContact = ReplaceEntity<'Contact'>;
export type DeleteContact = DeleteEntity<'Contact'>;

export interface EntityCreatedData {
  readonly key: ModelKey;
  readonly entity: ModelRecord;
}
export interface EntityUpdatedData {
  readonly key: ModelKey;
  /** the whole entity after the change */
  readonly entity: ModelRecord;
  /** names of the properties whose value changed */
  readonly changed: readonly string[];
  /** true for a PUT (Replace), false for a PATCH (Update) */
  readonly replaced: boolean;
}
export interface EntityDeletedData {
  readonly key: ModelKey;
  /** the entity as it was */
  readonly entity: ModelRecord;
  readonly cascadeOf?: EntityRef;
}

export type EntityCreated<N extends EntityName = EntityName> = DomainEvent<`${N}Created`, EntityCreatedData>;
export type EntityUpdated<N extends EntityName = EntityName> = DomainEvent<`${N}Updated`, EntityUpdatedData>;
export type EntityDeleted<N extends EntityName = EntityName> = DomainEvent<`${N}Deleted`, EntityDeletedData>;
export type EntityEvent = EntityCreated | EntityUpdated | EntityDeleted;
export type CustomerCreated = EntityCreated<'Customer'>;
export type CustomerUpdated = EntityUpdated<'Customer'>;
export type CustomerDeleted = EntityDeleted<'Customer'>;
export type ContactCreated = EntityCreated<'Contact'>;
export type ContactUpdated = EntityUpdated<'Contact'>;
export type ContactDeleted = EntityDeleted<'Contact'>;

export type EntityVerb = 'Create' | 'Update' | 'Replace' | 'Delete';
const VERBS: readonly EntityVerb[] = ['Create', 'Update', 'Replace', 'Delete'];

if (MODEL.entityTypes.map((t) => t.name).sort().join() !== [...ENTITY_NAMES].sort().join()) {
  throw new Error('entity-commands: ENTITY_NAMES does not match the model');
}

/** Command type → verb and entity set, for every set of the model. */
const BY_TYPE = new Map<string, { readonly verb: EntityVerb; readonly set: EntitySet }>(
  MODEL.entitySets.flatMap((set) => VERBS.map((verb) => [`${verb}${set.type}`, { verb, set }] as const)),
);

/** The verb and entity set of an entity command type, or undefined for other commands. */
export const entityCommandKind = (type: string) => BY_TYPE.get(type);

function setNamed(setName: string): EntitySet {
  const set = entitySet(setName);
  if (!set) throw new Error(`entity-commands: unknown entity set ${setName}`);
  return set;
}

function typed<C extends EntityCommand>(verb: EntityVerb, setName: string, data: C['data'], meta?: Partial<CommandMetadata>): C {
  return command(`${verb}${typeOfSet(setNamed(setName)).name}`, data, meta) as unknown as C;
}

/** CreateT for the entity set `setName`, e.g. createEntity('Customers', {values}) is a CreateCustomer. */
export const createEntity = (setName: string, data: CreateEntityData, meta?: Partial<CommandMetadata>): CreateEntity =>
  typed<CreateEntity>('Create', setName, data, meta);
export const updateEntity = (setName: string, data: ChangeEntityData, meta?: Partial<CommandMetadata>): UpdateEntity =>
  typed<UpdateEntity>('Update', setName, data, meta);
export const replaceEntity = (setName: string, data: ChangeEntityData, meta?: Partial<CommandMetadata>): ReplaceEntity =>
  typed<ReplaceEntity>('Replace', setName, data, meta);
export const deleteEntity = (setName: string, data: DeleteEntityData, meta?: Partial<CommandMetadata>): DeleteEntity =>
  typed<DeleteEntity>('Delete', setName, data, meta);

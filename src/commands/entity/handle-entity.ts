// The generic handlers of the entity command family (CreateT, UpdateT, ReplaceT, DeleteT), one per
// verb, parameterised by entity set: load → decide (pure) → persist state and record events,
// all on the unit of work's transaction. Deep inserts and cascades run as further commands.
import { navigationTarget, typeOfSet, type EntitySet } from '../../../metadata';
import { PreconditionFailedError } from '../../errors/catalogue';
import { deleteRow } from '../../data/write/delete-row';
import { findRow } from '../../data/write/find-rows';
import { insertRow } from '../../data/write/insert-row';
import { updateRow } from '../../data/write/update-row';
import type { ModelRecord } from '../../edm/model-values';
import type { Command } from '../command';
import type { CommandResult, HandlerContext } from '../unit-of-work';
import {
  createEntity, deleteEntity, entityCommandKind, type ChangeEntityData, type CreateEntityData, type DeleteEntityData,
} from './entity-commands';
import { keyOf, keyText } from './entity-key';
import { decideChange, prepareChange } from './decide-change';
import { decideCreate, deepInsertNavigation, linkToParent, prepareCreate } from './decide-create';
import { decideDelete } from './decide-delete';
import { versionOf } from './decision';
import { loadDependents, loadDuplicates, loadMissingReferences } from './load-entity';

function setOf(cmd: Command): EntitySet {
  const kind = entityCommandKind(cmd.type);
  if (!kind) throw new Error(`handle-entity: ${cmd.type} is not an entity command`);
  return kind.set;
}

const concurrentChange = (set: EntitySet, key: CommandResult['key']) =>
  new PreconditionFailedError(`${set.name}${keyText(key)} was changed by another request at the same time; read it again and retry.`);

/** Deep insert: each related entity is its own CreateT in the same unit, linked to the new parent. */
async function createRelated(cmd: Command, set: EntitySet, data: CreateEntityData, parent: ModelRecord, ctx: HandlerContext): Promise<CommandResult[]> {
  const out: CommandResult[] = [];
  for (const [name, items] of Object.entries(data.related ?? {})) {
    const nav = deepInsertNavigation(set, name);
    const target = navigationTarget(set, nav);
    for (const item of items) out.push(await ctx.dispatch(createEntity(target.name, linkToParent(nav, parent, item), cmd.metadata)));
  }
  return out;
}

export async function handleCreate(cmd: Command, ctx: HandlerContext): Promise<CommandResult> {
  const set = setOf(cmd);
  const data = cmd.data as CreateEntityData;
  const input = prepareCreate(set, data);
  if (!input.ok) throw input.error;
  const key = keyOf(typeOfSet(set), input.values);
  const loaded = {
    exists: (await findRow(ctx.tx, set.name, key)) !== undefined,
    missing: await loadMissingReferences(ctx.tx, set, input.values),
    duplicates: await loadDuplicates(ctx.tx, set, input.values, key),
  };
  const d = decideCreate(set, input.values, loaded, ctx.now);
  if (!d.ok) throw d.error;
  await insertRow(ctx.tx, set.name, d.state);
  const version = versionOf(typeOfSet(set), d.state);
  ctx.record(cmd, { set: set.name, key, ...(version !== undefined ? { version } : {}) }, d.events);
  const related = await createRelated(cmd, set, data, d.state, ctx);
  return { set: set.name, key, state: d.state, ...(version !== undefined ? { version } : {}), ...(related.length > 0 ? { related } : {}) };
}

export async function handleChange(cmd: Command, ctx: HandlerContext): Promise<CommandResult> {
  const set = setOf(cmd);
  const mode = entityCommandKind(cmd.type)?.verb === 'Replace' ? 'full' : 'merge';
  const data = cmd.data as ChangeEntityData;
  const input = prepareChange(set, data, mode);
  if (!input.ok) throw input.error;
  const current = await ctx.loadCurrent(set.name, data.key);
  const loaded = current
    ? { current, missing: await loadMissingReferences(ctx.tx, set, input.values, mode === 'merge'), duplicates: await loadDuplicates(ctx.tx, set, input.values, data.key) }
    : { current, missing: [], duplicates: [] };
  const d = decideChange(set, data.key, input.values, mode, data.expectedVersion, loaded, ctx.now);
  if (!d.ok) throw d.error;
  const version = versionOf(typeOfSet(set), d.state);
  if (d.events.length > 0) {
    if (!(await updateRow(ctx.tx, set.name, data.key, d.changes, d.previousVersion))) throw concurrentChange(set, data.key);
    ctx.record(cmd, { set: set.name, key: data.key, ...(version !== undefined ? { version } : {}) }, d.events);
  }
  return { set: set.name, key: data.key, state: d.state, ...(version !== undefined ? { version } : {}) };
}

export async function handleDelete(cmd: Command, ctx: HandlerContext): Promise<CommandResult> {
  const set = setOf(cmd);
  const data = cmd.data as DeleteEntityData;
  const current = await ctx.loadCurrent(set.name, data.key);
  const dependents = current ? await loadDependents(ctx.tx, set, current) : { cascade: [], blocking: [] };
  const d = decideDelete(set, data.key, data, { current, ...dependents });
  if (!d.ok) throw d.error;
  const related: CommandResult[] = [];
  const cascadeOf = { set: set.name, key: data.key };
  for (const ref of d.cascade) related.push(await ctx.dispatch(deleteEntity(ref.set, { key: ref.key, cascadeOf }, cmd.metadata)));
  const previous = current ? versionOf(typeOfSet(set), current) : undefined;
  if (!(await deleteRow(ctx.tx, set.name, data.key, previous))) throw concurrentChange(set, data.key);
  ctx.record(cmd, { set: set.name, key: data.key }, d.events);
  return { set: set.name, key: data.key, ...(related.length > 0 ? { related } : {}) };
}

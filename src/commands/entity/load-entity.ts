// The load step of the entity handlers: what a decide function needs to know from the database,
// read on the command's transaction. The changed row is locked FOR UPDATE and referenced rows
// FOR KEY SHARE (PostgreSQL), so a concurrent delete of a referenced customer waits or is seen.
import { navigationTarget, typeOfSet, type EntitySet } from '../../../metadata';
import type { ModelKey, ModelRecord } from '../../edm/model-values';
import { findCaseInsensitive, findRow, findRows } from '../../data/write/find-rows';
import type { WriteTx } from '../../data/write/write-tx';
import type { EntityRef } from './entity-commands';
import { keyOf, sameKey } from './entity-key';
import { dependentNavigations, dependentsWhere, referencesOf, UNIQUE_IGNORING_CASE, type Reference } from './entity-rules';

/** References of `record` whose target entity does not exist (only the changed ones with `onlyChanged`). */
export async function loadMissingReferences(tx: WriteTx, set: EntitySet, record: ModelRecord, onlyChanged = false): Promise<Reference[]> {
  const missing: Reference[] = [];
  for (const ref of referencesOf(set, record, onlyChanged)) {
    if (!(await findRow(tx, ref.set.name, ref.key, 'share'))) missing.push(ref);
  }
  return missing;
}

/** Unique-ignoring-case properties of `record` whose value another entity (not `ownKey`) already has. */
export async function loadDuplicates(tx: WriteTx, set: EntitySet, record: ModelRecord, ownKey: ModelKey): Promise<string[]> {
  const type = typeOfSet(set);
  const out: string[] = [];
  for (const p of UNIQUE_IGNORING_CASE[type.name] ?? []) {
    const v = record[p];
    if (typeof v !== 'string') continue;
    const holder = await findCaseInsensitive(tx, set.name, p, v);
    if (holder && !sameKey(keyOf(type, holder), ownKey)) out.push(p);
  }
  return out;
}

/** Dependents of `current`: keys to cascade-delete, and the names of navigations that block the delete. */
export async function loadDependents(tx: WriteTx, set: EntitySet, current: ModelRecord): Promise<{ cascade: EntityRef[]; blocking: string[] }> {
  const navs = dependentNavigations(typeOfSet(set));
  const cascade: EntityRef[] = [];
  for (const nav of navs.cascade) {
    const target = navigationTarget(set, nav);
    const rows = await findRows(tx, target.name, dependentsWhere(nav, current));
    cascade.push(...rows.map((r) => ({ set: target.name, key: keyOf(typeOfSet(target), r) })));
  }
  const blocking: string[] = [];
  for (const nav of navs.blocking) {
    const rows = await findRows(tx, navigationTarget(set, nav).name, dependentsWhere(nav, current), { limit: 1 });
    if (rows.length > 0) blocking.push(nav.name);
  }
  return { cascade, blocking };
}

// Rows a unit of work loaded ahead, in one SELECT, for the commands it is about to run: a $batch
// change set of 50 PATCHes needs 50 current rows, and one query beats 50. Each row is handed out
// once (take) to the command that changes it; afterwards that command's write makes it stale, so
// a later command on the same entity reads it from the database again. Only found rows are kept:
// a missing one may still be created by an earlier command of the unit.
import { entitySet, typeOfSet } from '../../metadata';
import { findRow, findRowsByKeys } from '../data/write/find-rows';
import type { WriteTx } from '../data/write/write-tx';
import type { ModelKey, ModelRecord } from '../edm/model-values';
import type { EntityRef } from './entity/entity-commands';
import { keyOf, keyText } from './entity/entity-key';

const cacheKey = (setName: string, key: ModelKey): string => `${setName}${keyText(key)}`;

/** The single key value of `ref`, or undefined for composite keys (not preloaded). */
function singleKey(ref: EntityRef): string | number | undefined {
  const values = Object.values(ref.key);
  return values.length === 1 ? values[0] : undefined;
}

export class PreloadedRows {
  private readonly rows = new Map<string, ModelRecord>();

  /** Loads the current rows of `refs` (locked FOR UPDATE on PostgreSQL, as the commands' own loads are). */
  async preload(tx: WriteTx, refs: readonly EntityRef[]): Promise<void> {
    const bySet = new Map<string, Array<string | number>>();
    for (const ref of refs) {
      const v = singleKey(ref);
      if (v === undefined || this.rows.has(cacheKey(ref.set, ref.key))) continue;
      const keys = bySet.get(ref.set);
      if (keys) keys.push(v);
      else bySet.set(ref.set, [v]);
    }
    for (const [setName, keys] of bySet) {
      const set = entitySet(setName);
      if (!set) continue;
      const type = typeOfSet(set);
      for (const row of await findRowsByKeys(tx, setName, [...new Set(keys)], 'update')) this.rows.set(cacheKey(setName, keyOf(type, row)), row);
    }
  }

  /** The current row for a command about to change it: the preloaded one (handed out once), else read now. */
  async take(tx: WriteTx, setName: string, key: ModelKey): Promise<ModelRecord | undefined> {
    const k = cacheKey(setName, key);
    const row = this.rows.get(k);
    if (row === undefined) return findRow(tx, setName, key, 'update');
    this.rows.delete(k);
    return row;
  }
}

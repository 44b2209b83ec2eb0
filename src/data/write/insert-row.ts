// INSERT one entity row for the tenant. A duplicate key → 409, a duplicate unique value → 422.
import type { ModelRecord } from '../../edm/model-values';
import { tenantInsert } from '../tenant-table';
import { translatingConstraints } from './constraint-error';
import { stateToRow } from './row-state';
import type { WriteTx } from './write-tx';

export async function insertRow(tx: WriteTx, setName: string, state: ModelRecord): Promise<void> {
  const row = stateToRow(setName, state);
  await translatingConstraints(setName, 'insert', () => tenantInsert(tx.knex, tx.scope, setName, [row]));
}

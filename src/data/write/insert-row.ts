// INSERT one entity row for the tenant. A duplicate key → 409, a duplicate unique value → 422.
import type { ModelRecord } from '../../edm/model-values';
import { TENANT_COLUMN, tableOf } from '../../edm/db-schema';
import { translatingConstraints } from './constraint-error';
import { stateToRow } from './row-state';
import { insertRowSql } from './write-sql';
import { runWrite } from './write-statements';
import type { WriteTx } from './write-tx';

export async function insertRow(tx: WriteTx, setName: string, state: ModelRecord): Promise<void> {
  const row = stateToRow(setName, state);
  const columns = Object.keys(row);
  const sql = insertRowSql(tableOf(setName).table, [TENANT_COLUMN, ...columns]);
  await translatingConstraints(setName, 'insert', () => runWrite(tx, sql, [tx.scope.tenantId, ...columns.map((c) => row[c] ?? null)]));
}

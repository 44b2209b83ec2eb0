// Step 3 of a batch customers sync: the difference between the loaded rows and the decided state,
// written set-based — customers inserted then updated, contacts deleted, updated and inserted.
// Unique e-mails must hold after EVERY statement (indexes are checked row by row), so a contact
// taking an e-mail another contact held before this sync is first parked on a placeholder e-mail
// and set last; e-mail chains and even swaps across items then never collide mid-statement.
// A violation or a missed Version here can only be a concurrent writer's doing: the whole sync
// fails with 409 and is safe to retry (all or nothing, one transaction).
import { ConflictError } from '../../errors/catalogue';
import type { ModelRecord } from '../../edm/model-values';
import { deleteRow } from '../../data/write/delete-row';
import { insertRows } from '../../data/write/insert-rows';
import { updateRows, type RowUpdate } from '../../data/write/update-rows';
import type { WriteTx } from '../../data/write/write-tx';
import { EMAIL, lowerAscii, type SyncState } from './sync-state';

const raced = () => new ConflictError('A concurrent change to the same customers or contacts got in the way of the sync; retry the request.');

interface Diff {
  readonly inserts: ModelRecord[];
  readonly updates: RowUpdate[];
  readonly deletes: ModelRecord[];
}

function diff(loaded: ReadonlyMap<string, ModelRecord>, now: ReadonlyMap<string, ModelRecord>): Diff {
  const out: Diff = { inserts: [], updates: [], deletes: [] };
  for (const [id, state] of now) {
    const before = loaded.get(id);
    if (!before) out.inserts.push(state);
    else if (before !== state) out.updates.push({ state, expectedVersion: String(before.Version) });
  }
  for (const [id, before] of loaded) if (!now.has(id)) out.deletes.push(before);
  return out;
}

/** Contacts whose new e-mail another contact held before the sync. */
function takesHeldEmail(state: SyncState, u: RowUpdate): boolean {
  const e = u.state[EMAIL];
  const holder = typeof e === 'string' ? state.loadedEmails.get(lowerAscii(e)) : undefined;
  return holder !== undefined && holder !== String(u.state.ID);
}

/** A placeholder no real e-mail can equal; hex keeps IDs that differ only in case apart under lower(). */
const parkedEmail = (id: string): string => `\u0001sync-parked:${Buffer.from(id).toString('hex')}`;

async function update(tx: WriteTx, setName: string, updates: readonly RowUpdate[]): Promise<void> {
  if ((await updateRows(tx, setName, updates)) !== updates.length) throw raced();
}

async function persistContacts(tx: WriteTx, state: SyncState): Promise<void> {
  const d = diff(state.loadedContacts, state.contacts);
  for (const c of d.deletes) if (!(await deleteRow(tx, 'Contacts', { ID: String(c.ID) }, String(c.Version)))) throw raced();
  const late = d.updates.filter((u) => takesHeldEmail(state, u));
  await update(tx, 'Contacts', d.updates.filter((u) => !takesHeldEmail(state, u)));
  const parked = late.map((u) => {
    const before = state.loadedContacts.get(String(u.state.ID)) as ModelRecord;
    return { state: { ...before, [EMAIL]: parkedEmail(String(u.state.ID)) }, expectedVersion: u.expectedVersion };
  });
  await update(tx, 'Contacts', parked);
  await update(tx, 'Contacts', late);
  await insertRows(tx, 'Contacts', d.inserts);
}

/** Writes `state`'s changes; throws a 409 ConflictError when a concurrent writer got in the way. */
export async function persistSyncState(tx: WriteTx, state: SyncState): Promise<void> {
  try {
    const customers = diff(state.loadedCustomers, state.customers);
    await insertRows(tx, 'Customers', customers.inserts);
    await update(tx, 'Customers', customers.updates);
    await persistContacts(tx, state);
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^(23505|23503|SQLITE_CONSTRAINT)/.test(code)) throw raced();
    throw err;
  }
}

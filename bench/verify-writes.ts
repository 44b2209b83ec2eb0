// Before timing the writes: each target must answer one request of each write workload with 2xx
// (and, inside a $batch or sync report, no failed operation), and the rows must read back from
// the database file with the values sent — a fast answer that wrote nothing would be worthless.
import Database from 'better-sqlite3';
import { API_KEY_HEADER } from './workloads';
import { type WireRequest, type WriteWorkload } from './write-workloads';
import type { Target } from './targets';

/** Exact decimal text → the stored scaled integer (ListPrice ×10⁴), without a float. */
function scaledText(text: string, scale: number): number {
  const [whole = '0', frac = ''] = text.split('.');
  return Number(`${whole}${frac.padEnd(scale, '0').slice(0, scale)}`);
}

const PATCH_IN_PATH = /Products\('([^']+)'\)/;
const PATCH_PART = /PATCH [^\r\n]*Products\('([^']+)'\) HTTP\/1\.1[\s\S]*?\r\n\r\n\{"ListPrice":([0-9.]+)\}/g;

async function send(t: Target, r: WireRequest, key: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${t.port}${r.path}`, {
    method: r.method, headers: { ...r.headers, ...(t.authHeaders ?? { [API_KEY_HEADER]: key }) }, body: r.body,
  });
  return { status: res.status, body: await res.text() };
}

/** What the request should have written: [product id, scaled ListPrice] pairs (W6, W7). */
function expectedPrices(w: WriteWorkload, r: WireRequest): Array<[string, number]> {
  if (w.id === 'W6') {
    const price = /"ListPrice":([0-9.]+)/.exec(r.body)?.[1] ?? '';
    return [[PATCH_IN_PATH.exec(r.path)?.[1] ?? '', scaledText(price, 4)]];
  }
  return [...r.body.matchAll(PATCH_PART)].map((m) => [m[1] ?? '', scaledText(m[2] ?? '', 4)]);
}

type Json = Record<string, unknown>;

/** Rows of the sync payload that don't read back as sent (name of each customer, last name of each contact). */
function syncMismatches(db: Database.Database, tenant: string, r: WireRequest): number {
  const customer = db.prepare('SELECT name FROM customers WHERE tenant_id = ? AND id = ?').pluck();
  const contact = db.prepare('SELECT last_name FROM contacts WHERE tenant_id = ? AND id = ? AND customer_id = ?').pluck();
  let bad = 0;
  for (const c of (JSON.parse(r.body) as { customers: Json[] }).customers) {
    if (customer.get(tenant, c.ID) !== c.Name) bad++;
    for (const k of c.Contacts as Json[]) if (contact.get(tenant, k.ID, c.ID) !== k.LastName) bad++;
  }
  return bad;
}

function readBack(db: Database.Database, tenant: string, w: WriteWorkload, r: WireRequest): string | undefined {
  if (w.id === 'W8') {
    const bad = syncMismatches(db, tenant, r);
    return bad ? `${bad} of ${w.rowsPerRequest} rows do not read back as sent` : undefined;
  }
  const price = db.prepare('SELECT list_price FROM products WHERE tenant_id = ? AND id = ?').pluck();
  const expected = expectedPrices(w, r);
  if (expected.length !== w.rowsPerRequest) return `request holds ${expected.length} PATCHes, expected ${w.rowsPerRequest}`;
  const wrong = expected.filter(([id, p]) => price.get(tenant, id) !== p);
  return wrong.length ? `${wrong.length} product(s) not updated, e.g. ${wrong[0]?.[0]} should have list_price ${wrong[0]?.[1]}` : undefined;
}

/** A 2xx that still reports failures: a failed part inside the $batch answer, or `failed` > 0 in the sync report. */
function innerFailure(w: WriteWorkload, body: string): string | undefined {
  if (w.id === 'W7') return /HTTP\/1\.1 [45]\d\d[^\r\n]*/.exec(body)?.[0];
  if (w.id === 'W8') {
    const report = JSON.parse(body) as { failed?: number; errors?: unknown[] };
    return report.failed ? `${report.failed} failed: ${JSON.stringify(report.errors?.slice(0, 2))}` : undefined;
  }
  return undefined;
}

export async function verifyWrites(workloads: readonly WriteWorkload[], targets: readonly Target[], key: string, dbFile: string, tenant: string): Promise<void> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    for (const w of workloads) {
      for (const t of targets) {
        const r = w.next();
        const res = await send(t, r, key);
        if (res.status < 200 || res.status > 299) throw new Error(`${w.id} ${t.name}: HTTP ${res.status} for ${r.method} ${r.path}\n${res.body.slice(0, 500)}`);
        const failure = innerFailure(w, res.body) ?? readBack(db, tenant, w, r);
        if (failure) throw new Error(`${w.id} ${t.name}: ${failure}\n${res.body.slice(0, 500)}`);
      }
      console.log(`  ${w.id}: ${targets.map((t) => t.name).join(', ')} answered 2xx and the rows read back as sent`);
    }
  } finally {
    db.close();
  }
}

// A small client for the write tests: JSON requests against a real gateway with one ERP key,
// plus direct looks at the event log and outbox (what the bus committed).
import type { TestGateway } from '../../helpers/gateway';

export interface Sent {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

async function send(gw: TestGateway, key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Sent> {
  const init: RequestInit = { method, headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await gw.request(`/odata/${path}`, key, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export function writeClient(gw: TestGateway, key: string) {
  return {
    get: (path: string, headers?: Record<string, string>) => send(gw, key, 'GET', path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) => send(gw, key, 'POST', path, body, headers),
    patch: (path: string, body: unknown, ifMatch = '*', headers: Record<string, string> = {}) => send(gw, key, 'PATCH', path, body, { 'If-Match': ifMatch, ...headers }),
    put: (path: string, body: unknown, ifMatch = '*', headers: Record<string, string> = {}) => send(gw, key, 'PUT', path, body, { 'If-Match': ifMatch, ...headers }),
    del: (path: string, ifMatch = '*', headers: Record<string, string> = {}) => send(gw, key, 'DELETE', path, undefined, { 'If-Match': ifMatch, ...headers }),
    send: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => send(gw, key, method, path, body, headers),
  };
}

export type WriteClient = ReturnType<typeof writeClient>;

/** A key for `tenant` with a rate limit no test reaches. */
export async function writerKey(gw: TestGateway, tenant: string, operations?: readonly string[]): Promise<string> {
  return (await gw.account(tenant, { ratePerMinute: 1_000_000, ...(operations ? { operations } : {}) })).apiKey;
}

export interface EventRow {
  readonly type: string;
  readonly entity_set: string;
  readonly entity_key: string;
  readonly version: string | null;
  readonly payload: string;
}

/** The tenant's domain events in sequence order. */
export async function eventsOf(gw: TestGateway, tenant: string): Promise<EventRow[]> {
  const rows = (await gw.database.db.knex('domain_events').where('tenant_id', tenant).orderBy('id')
    .select('type', 'entity_set', 'entity_key', gw.database.db.knex.raw('CAST(version AS TEXT) AS version'), 'payload')) as EventRow[];
  return rows;
}

export async function outboxCount(gw: TestGateway, tenant: string): Promise<number> {
  const [row] = (await gw.database.db.knex('outbox').where({ tenant_id: tenant, status: 'pending' }).count({ n: '*' })) as Array<{ n: number | string }>;
  return Number(row?.n ?? 0);
}

export const customer = (id: string, extra: Record<string, unknown> = {}) => ({ ID: id, Name: `Customer ${id}`, ...extra });
export const contact = (id: string, email: string, extra: Record<string, unknown> = {}) => ({ ID: id, LastName: `Last ${id}`, Email: email, ...extra });
export const product = (id: string, extra: Record<string, unknown> = {}) => ({ ID: id, Name: `Product ${id}`, ListPrice: '9.99', ...extra });

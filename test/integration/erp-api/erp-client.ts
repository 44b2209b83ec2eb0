// A small client for the /api/erp tests: JSON requests with one key against a real gateway.
import type { TestGateway } from '../../helpers/gateway';

export interface ErpSent {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export async function erpSend(gw: TestGateway, key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ErpSent> {
  const init: RequestInit = { method, headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await gw.request(`/api/erp${path}`, key, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export const syncCustomer = (id: string, contacts: Array<Record<string, unknown>> = [], extra: Record<string, unknown> = {}) => ({
  ID: id, Name: `Customer ${id}`, ...extra, ...(contacts.length > 0 ? { Contacts: contacts } : {}),
});

export const syncContact = (id: string, extra: Record<string, unknown> = {}) => ({ ID: id, LastName: `Last ${id}`, Email: `${id}@example.com`, ...extra });

// Webhooks end to end: an OData write reaches a real receiver, signed with the secret shown once
// at registration; event-type filters; secrets never listed; dead letters and their redelivery.
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../helpers/databases';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { customer, writeClient, writerKey, type WriteClient } from '../odata-write/write-client';
import type { OutboxDispatcher } from '../../../src/events/outbox-dispatcher';
import { eventually, startReceiver, type Receiver } from './receiver';
import { dispatcherFor, subscribe } from './webhook-setup';

describe.each(testDialects())('webhook delivery on %s', (dialect) => {
  let gw: TestGateway;
  let admin: string;
  let w: WriteClient;
  let receiver: Receiver;
  let dispatcher: OutboxDispatcher | undefined;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    admin = await gw.adminKey();
    w = writeClient(gw, await writerKey(gw, 'acme'));
  });
  afterEach(async () => {
    await dispatcher?.stop();
    dispatcher = undefined;
    await receiver.close();
    await gw.database.db.knex('webhook_deliveries').delete();
    await gw.database.db.knex('webhook_subscriptions').delete();
  });
  afterAll(() => gw.close());

  it('delivers an OData write to the receiver, signed with the secret shown at creation', async () => {
    receiver = await startReceiver();
    const sub = await subscribe(gw, admin, receiver.url, ['*']);
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect((await w.post('Customers', customer('50001'))).status).toBe(201);
    dispatcher = dispatcherFor(gw);
    dispatcher.start();
    await eventually('the event arrives', () => receiver.received.length >= 1);
    const [got] = receiver.received;
    expect(got?.json).toMatchObject({ type: 'CustomerCreated', tenant: 'acme', entitySet: 'Customers', key: "('50001')", version: '1', data: { entity: { ID: '50001' } } });
    expect(got?.headers['x-b2x-event-id']).toBe(got?.json.id);
    expect(got?.headers['x-b2x-event-type']).toBe('CustomerCreated');
    const ts = String(got?.headers['x-b2x-timestamp']);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
    const expected = `sha256=${createHmac('sha256', sub.secret).update(`${ts}.${got?.body}`).digest('hex')}`;
    expect(got?.headers['x-b2x-signature']).toBe(expected);
  });

  it('never shows the secret again: not in listings, not in plain text at rest', async () => {
    receiver = await startReceiver();
    const sub = await subscribe(gw, admin, receiver.url, ['CustomerCreated']);
    const listed = await gw.request('/api/admin/webhooks?tenant=acme', admin);
    const text = await listed.text();
    expect(listed.status).toBe(200);
    expect(text).not.toContain(sub.secret);
    expect(text).not.toMatch(/secret/i);
    expect(JSON.parse(text).value).toEqual([expect.objectContaining({ id: sub.id, tenant: 'acme', url: receiver.url, eventTypes: ['CustomerCreated'], active: true })]);
    const [row] = await gw.database.db.knex('webhook_subscriptions').where('id', sub.id).select('secret_sealed');
    expect(row.secret_sealed).toMatch(/^v1\./);
    expect(row.secret_sealed).not.toContain(sub.secret.slice(6));
  });

  it('sends each subscription only the event types it asked for', async () => {
    receiver = await startReceiver();
    const other = await startReceiver();
    try {
      await subscribe(gw, admin, receiver.url, ['CustomerCreated']);
      await subscribe(gw, admin, other.url, ['CustomerUpdated']);
      expect((await w.post('Customers', customer('50002'))).status).toBe(201);
      expect((await w.patch("Customers('50002')", { Name: 'Renamed' })).status).toBeLessThan(300);
      dispatcher = dispatcherFor(gw);
      dispatcher.start();
      await eventually('both receivers get their event', () => receiver.received.length >= 1 && other.received.length >= 1);
      await dispatcher.tick();
      expect(receiver.received.map((r) => r.json.type)).toEqual(['CustomerCreated']);
      expect(other.received.map((r) => r.json.type)).toEqual(['CustomerUpdated']);
    } finally {
      await other.close();
    }
  });

  it('dead-letters after the last attempt, and the redeliver route brings the event home', async () => {
    receiver = await startReceiver();
    await receiver.setMode('fail');
    const sub = await subscribe(gw, admin, receiver.url, ['CustomerCreated']);
    expect((await w.post('Customers', customer('50003'))).status).toBe(201);
    dispatcher = dispatcherFor(gw, { maxAttempts: 3 });
    dispatcher.start();
    const dead = async () => json(await gw.request(`/api/admin/webhooks/${sub.id}/deliveries?status=dead`, admin));
    await eventually('the delivery is dead-lettered', async () => (await dead()).value.length === 1);
    const [letter] = (await dead()).value;
    expect(letter).toMatchObject({ eventType: 'CustomerCreated', status: 'dead', attempts: 3, lastStatus: 500 });
    expect(receiver.hits).toBe(3);
    await receiver.setMode('ok');
    const res = await gw.request(`/api/admin/webhooks/${sub.id}/redeliver`, admin, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ redelivered: 1 });
    await eventually('the redelivered event arrives', () => receiver.received.length === 1);
    expect(receiver.received[0]?.json.id).toBe(letter.eventId);
    await eventually('the delivery is marked delivered', async () =>
      (await json(await gw.request(`/api/admin/webhooks/${sub.id}/deliveries?status=delivered`, admin))).value.length === 1);
  });

  it('refuses non-http URLs and unknown tenants, and answers 404 for unknown subscriptions', async () => {
    receiver = await startReceiver();
    const post = (body: unknown) => gw.request('/api/admin/webhooks', admin, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ tenant: 'acme', url: 'ftp://example.com/x', eventTypes: ['*'] })).status).toBe(400);
    expect((await post({ tenant: 'acme', url: 'http://user:pw@example.com/x', eventTypes: ['*'] })).status).toBe(400);
    expect((await post({ tenant: 'nobody', url: receiver.url, eventTypes: ['*'] })).status).toBe(422);
    expect((await gw.request('/api/admin/webhooks/wh_000000000000000000000000', admin, { method: 'DELETE' })).status).toBe(404);
    const sub = await subscribe(gw, admin, receiver.url, ['*']);
    expect((await gw.request(`/api/admin/webhooks/${sub.id}`, admin, { method: 'DELETE' })).status).toBe(204);
    expect((await json(await gw.request('/api/admin/webhooks', admin))).value).toEqual([]);
  });
});

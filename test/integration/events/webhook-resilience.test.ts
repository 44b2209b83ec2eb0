// Delivery under failure: a receiver that is down, then hangs, then recovers gets every event,
// once, in order per entity (at-least-once, no duplicates in the normal case); the circuit
// breaker spares a failing receiver; two dispatchers on one database deliver each event once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../helpers/databases';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { openDatabase } from '../../../src/data/db';
import { createMetrics } from '../../../src/observability/metrics';
import type { OutboxDispatcher } from '../../../src/events/outbox-dispatcher';
import { customer, writeClient, writerKey, type WriteClient } from '../odata-write/write-client';
import { eventually, startReceiver, type Receiver } from './receiver';
import { dispatcherFor, subscribe } from './webhook-setup';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDialects())('webhook resilience on %s', (dialect) => {
  let gw: TestGateway;
  let admin: string;
  let w: WriteClient;
  let receiver: Receiver;
  let dispatchers: OutboxDispatcher[] = [];
  let seq = 0;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    admin = await gw.adminKey();
    w = writeClient(gw, await writerKey(gw, 'acme'));
  });
  afterEach(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    dispatchers = [];
    await receiver.close();
    await gw.database.db.knex('webhook_deliveries').delete();
    await gw.database.db.knex('webhook_subscriptions').delete();
  });
  afterAll(() => gw.close());

  /** creates `n` customers; returns their ids */
  const createCustomers = async (n: number): Promise<string[]> => {
    const ids = Array.from({ length: n }, () => String(60000 + seq++));
    for (const id of ids) expect((await w.post('Customers', customer(id))).status).toBe(201);
    return ids;
  };
  const eventCount = async (): Promise<number> =>
    Number((await gw.database.db.knex('webhook_deliveries').count({ n: '*' }))[0]?.n ?? 0);

  it('delivers every event once the receiver recovers from refusing and timing out, in order per entity', async () => {
    receiver = await startReceiver();
    await subscribe(gw, admin, receiver.url, ['*']);
    await receiver.setMode('down');
    const ids = await createCustomers(3);
    for (const id of ids) for (const n of [1, 2]) expect((await w.patch(`Customers('${id}')`, { Name: `v${n}` })).status).toBeLessThan(300);
    const d = dispatcherFor(gw, { timeoutMs: 800, breaker: { threshold: 3, halfOpenAfterMs: 50 } });
    dispatchers.push(d);
    d.start();
    await eventually('deliveries are failing while the receiver is down', async () =>
      Number((await gw.database.db.knex('webhook_deliveries').where('status', 'failed').count({ n: '*' }))[0]?.n ?? 0) > 0);
    await receiver.setMode('hang');
    await eventually('a request reaches the hanging receiver', () => receiver.hits > 0);
    await pause(900); // longer than the 800 ms timeout: at least one attempt times out
    expect(receiver.received).toHaveLength(0);
    await receiver.setMode('ok');
    await eventually('all 9 events arrive', () => receiver.received.length >= 9, 15_000);
    await d.tick();
    const got = receiver.received.map((r) => r.json);
    expect(new Set(got.map((e) => e.id)).size).toBe(got.length); // no duplicates
    expect(got).toHaveLength(9);
    for (const id of ids) {
      const versions = got.filter((e) => e.key === `('${id}')`).map((e) => e.version);
      expect(versions, `order of ${id}`).toEqual(['1', '2', '3']);
    }
  });

  it('opens the circuit after consecutive failures: the receiver sees fewer requests than events', async () => {
    receiver = await startReceiver();
    await receiver.setMode('fail');
    await subscribe(gw, admin, receiver.url, ['*']);
    await createCustomers(12);
    const metrics = createMetrics({ defaultMetrics: false });
    const d = dispatcherFor(gw, { breaker: { threshold: 3, halfOpenAfterMs: 60_000 } }, gw.database.db, metrics);
    dispatchers.push(d);
    d.start();
    await eventually('the breaker opens', () => receiver.hits >= 3);
    await pause(300); // many polls while open: none reaches the receiver
    expect(await eventCount()).toBe(12);
    expect(receiver.hits).toBe(3);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/gateway_webhook_delivery_attempts_total\{outcome="failed"\} 3/);
    expect(text).toMatch(/gateway_webhook_deliveries_due \d+/);
  });

  it('stops within its grace period, leaving an in-flight delivery due again with no attempt counted', async () => {
    receiver = await startReceiver();
    await receiver.setMode('hang');
    await subscribe(gw, admin, receiver.url, ['*']);
    await createCustomers(1);
    const d = dispatcherFor(gw, { timeoutMs: 20_000, stopGraceMs: 200 });
    d.start();
    await eventually('the request is in flight', () => receiver.hits === 1);
    const started = Date.now();
    await d.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    const rows = await gw.database.db.knex('webhook_deliveries').select('status', 'attempts', 'locked_until');
    expect(rows).toEqual([{ status: 'pending', attempts: 0, locked_until: null }]);
  });

  // PostgreSQL only: SQLite deployments run one dispatcher per database (WEBHOOK_DISPATCH=off elsewhere);
  // two SQLite connections in ONE process would also block each other's synchronous busy wait.
  it.runIf(dialect === 'pg')('lets two dispatchers on one database deliver each event exactly once', async () => {
    receiver = await startReceiver();
    await subscribe(gw, admin, receiver.url, ['*']);
    const ids = await createCustomers(40);
    const second = openDatabase(gw.database.url);
    try {
      const [ma, mb] = [createMetrics({ defaultMetrics: false }), createMetrics({ defaultMetrics: false })];
      const a = dispatcherFor(gw, { batchSize: 5 }, gw.database.db, ma);
      const b = dispatcherFor(gw, { batchSize: 5 }, second, mb);
      dispatchers.push(a, b);
      a.start();
      b.start();
      await eventually('all 40 events arrive', () => receiver.received.length >= 40, 15_000);
      await Promise.all([a.tick(), b.tick()]);
      const got = receiver.received.map((r) => r.json.key as string);
      expect(got).toHaveLength(40);
      expect(new Set(got)).toEqual(new Set(ids.map((id) => `('${id}')`)));
      const delivered = async (m: typeof ma) => (await m.webhookDeliveries.get()).values.find((v) => v.labels.outcome === 'delivered')?.value ?? 0;
      const [da, db] = [await delivered(ma), await delivered(mb)];
      if (process.env.WEBHOOK_TEST_SPLIT) console.log(`split ${dialect}: ${da}/${db}`);
      expect(da + db).toBe(40); // no event was posted twice
    } finally {
      await Promise.all(dispatchers.map((d) => d.stop()));
      dispatchers = [];
      await second.close();
    }
  });
});

// The legacy settings store (issue #5) on both dialects: routes with defaults for every entity set,
// surface and credential validation, the ≤ 1 s cache and its invalidation, credentials sealed at
// rest and re-sealed by master-key rotation, and the shadow evidence (hourly counts, newest 200).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { ensureTenant } from '../../../src/security/accounts/ensure-tenant';
import { secretBox } from '../../../src/security/secret-box';
import { rotateMasterKey } from '../../../src/security/rotate-master-key';
import { createLegacyStore, type LegacyControlStore } from '../../../src/legacy/legacy-store';
import type { ShadowComparison } from '../../../src/legacy/legacy-settings';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects())('legacy store on %s', (dialect) => {
  let database: TestDatabase;
  let masterKey: Uint8Array;
  let store: LegacyControlStore;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    masterKey = new Uint8Array(randomBytes(32));
    await ensureTenant(database.db, 'acme');
    await ensureTenant(database.db, 'beta');
  });
  afterAll(() => database.dispose());
  afterEach(async () => {
    for (const t of ['legacy_routes', 'legacy_surfaces', 'shadow_comparison_counts', 'shadow_differences']) await database.db.knex(t).delete();
    await database.db.knex('sealed_secrets').where('name', 'like', 'legacy-upstream:%').delete();
  });
  const newStore = (o: { defaultMode?: 'local' | 'upstream' | 'shadow'; key?: Uint8Array } = {}) =>
    createLegacyStore({ db: database.db, box: secretBox(o.key ?? masterKey), ...(o.defaultMode ? { defaultMode: o.defaultMode } : {}) });
  beforeAll(() => {
    store = newStore();
  });

  it('lists every entity set of the model in the default mode when nothing is set', async () => {
    const s = await newStore().settingsFor('acme');
    expect([...s.routes.keys()]).toEqual(['Customers', 'Contacts', 'Products', 'Categories', 'PriceAgreements']);
    expect(s.routes.get('Customers')).toEqual({ entitySet: 'Customers', mode: 'local', primary: 'local' });
    expect(s.surface).toEqual({ state: 'read-write' });
    expect(s.credential).toBeUndefined();
    const upstream = await newStore({ defaultMode: 'upstream' }).settingsFor('acme');
    expect(upstream.routes.get('Products')).toEqual({ entitySet: 'Products', mode: 'upstream', primary: 'upstream' });
    const shadow = await newStore({ defaultMode: 'shadow' }).settingsFor('acme');
    expect(shadow.routes.get('Products')).toEqual({ entitySet: 'Products', mode: 'shadow', primary: 'upstream' });
  });

  it('serves an explicit route and sees its own write at once', async () => {
    expect((await store.settingsFor('acme')).routes.get('Products')?.mode).toBe('local');
    await store.setRoute('acme', { entitySet: 'Products', mode: 'shadow', primary: 'local' });
    await store.setRoute('acme', { entitySet: 'Products', mode: 'shadow', primary: 'local' }); // twice: an upsert
    expect((await store.settingsFor('acme')).routes.get('Products')).toEqual({ entitySet: 'Products', mode: 'shadow', primary: 'local' });
    expect((await store.settingsFor('beta')).routes.get('Products')?.mode).toBe('local');
  });

  it('lets another store instance see a change within the 1 s cache lifetime, not before it is written', async () => {
    const reader = newStore();
    expect((await reader.settingsFor('acme')).routes.get('Customers')?.mode).toBe('local');
    await newStore().setRoute('acme', { entitySet: 'Customers', mode: 'upstream', primary: 'upstream' });
    expect((await reader.settingsFor('acme')).routes.get('Customers')?.mode).toBe('local'); // cached
    await sleep(1050);
    expect((await reader.settingsFor('acme')).routes.get('Customers')?.mode).toBe('upstream');
  });

  it('lists explicit and default routes per tenant, and 404s an unknown tenant', async () => {
    await store.setRoute('beta', { entitySet: 'Contacts', mode: 'upstream', primary: 'upstream' });
    const all = await store.listRoutes();
    expect(all).toHaveLength(10);
    expect(all.find((r) => r.tenantId === 'beta' && r.entitySet === 'Contacts')).toMatchObject({ mode: 'upstream', explicit: true });
    expect(all.find((r) => r.tenantId === 'acme' && r.entitySet === 'Contacts')).toMatchObject({ mode: 'local', explicit: false, updatedAt: null });
    expect(await store.listRoutes('beta')).toHaveLength(5);
    await expect(store.listRoutes('nobody')).rejects.toMatchObject({ status: 404 });
  });

  it('refuses unknown sets and tenants, public names, bad modes and a primary that contradicts the mode', async () => {
    await expect(store.setRoute('acme', { entitySet: 'Nothing', mode: 'local', primary: 'local' })).rejects.toMatchObject({ status: 404 });
    await expect(store.setRoute('acme', { entitySet: 'customers', mode: 'local', primary: 'local' })).rejects.toMatchObject({ status: 404 });
    await expect(store.setRoute('nobody', { entitySet: 'Customers', mode: 'local', primary: 'local' })).rejects.toMatchObject({ status: 404 });
    await expect(store.setRoute('acme', { entitySet: 'Customers', mode: 'remote' as never, primary: 'local' })).rejects.toMatchObject({ status: 400 });
    await expect(store.setRoute('acme', { entitySet: 'Customers', mode: 'local', primary: 'upstream' })).rejects.toMatchObject({ status: 422 });
  });

  it('stores the surface with normalised instants and refuses bad ones', async () => {
    await store.setSurface('acme', { state: 'read-only', deprecation: '2026-01-01T00:00:00+01:00', sunset: '2026-06-30T00:00:00Z', link: 'https://example.com/migrate' });
    expect((await store.settingsFor('acme')).surface).toEqual({
      state: 'read-only', deprecation: '2025-12-31T23:00:00.000Z', sunset: '2026-06-30T00:00:00.000Z', link: 'https://example.com/migrate',
    });
    expect(await store.surfaceOf('acme')).toMatchObject({ state: 'read-only', updatedAt: expect.any(String) });
    await store.setSurface('acme', { state: 'off' });
    expect((await store.settingsFor('acme')).surface).toEqual({ state: 'off' });
    await expect(store.setSurface('acme', { state: 'closed' as never })).rejects.toMatchObject({ status: 400 });
    await expect(store.setSurface('acme', { state: 'off', sunset: 'tomorrow' })).rejects.toMatchObject({ status: 400 });
    await expect(store.setSurface('acme', { state: 'off', sunset: '2026-01-01' })).rejects.toMatchObject({ status: 400 });
    await expect(store.setSurface('acme', { state: 'off', link: 'ftp://example.com/' })).rejects.toMatchObject({ status: 400 });
    await expect(store.setSurface('acme', { state: 'off', deprecation: '2026-02-01T00:00:00Z', sunset: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({ status: 422 });
    await expect(store.setSurface('nobody', { state: 'off' })).rejects.toMatchObject({ status: 404 });
  });

  it('keeps the upstream credential sealed at rest and hands it to the gate unsealed', async () => {
    await store.setUpstreamCredential('acme', { header: 'Authorization', value: 'Basic c2VjcmV0LXZhbHVl' });
    expect((await store.settingsFor('acme')).credential).toEqual({ header: 'Authorization', value: 'Basic c2VjcmV0LXZhbHVl' });
    const raw = (await database.db.knex('sealed_secrets').where({ name: 'legacy-upstream:acme' }).first()) as { sealed: string };
    expect(raw.sealed).toMatch(/^v1\./);
    expect(raw.sealed).not.toContain('c2VjcmV0LXZhbHVl');
    expect(raw.sealed).not.toContain('Authorization');
    await store.setUpstreamCredential('acme', undefined);
    expect((await store.settingsFor('acme')).credential).toBeUndefined();
    expect(await database.db.knex('sealed_secrets').where({ name: 'legacy-upstream:acme' }).first()).toBeUndefined();
  });

  it('refuses a header that is not an HTTP token or a value with a line break, without echoing the value', async () => {
    await expect(store.setUpstreamCredential('acme', { header: 'Bad Header', value: 'x' })).rejects.toMatchObject({ status: 400 });
    await expect(store.setUpstreamCredential('acme', { header: 'Host', value: 'x' })).rejects.toMatchObject({ status: 400 });
    const err = (await store.setUpstreamCredential('acme', { header: 'X-Key', value: 'top-secret\r\nX-Evil: 1' }).catch((e: Error) => e)) as Error;
    expect(err).toMatchObject({ status: 400 });
    expect(err.message).not.toContain('top-secret');
    await expect(store.setUpstreamCredential('nobody', { header: 'X-Key', value: 'v' })).rejects.toMatchObject({ status: 404 });
  });

  it('re-seals the credential in master-key rotation; a running instance keeps its last opened value, a new one reads none', async () => {
    const running = newStore();
    await running.setUpstreamCredential('beta', { header: 'X-Legacy-Key', value: 'legacy-secret-1' });
    expect((await running.settingsFor('beta')).credential?.value).toBe('legacy-secret-1');
    const newKey = new Uint8Array(randomBytes(32));
    const r = await rotateMasterKey(database.db, masterKey, newKey);
    expect(r.resealed).toContain('legacy-upstream:beta');
    expect((await newStore({ key: newKey }).settingsFor('beta')).credential).toEqual({ header: 'X-Legacy-Key', value: 'legacy-secret-1' });
    await sleep(1050);
    expect((await running.settingsFor('beta')).credential?.value).toBe('legacy-secret-1');
    // an instance that never opened it cannot: no credential, but the tenant's settings still load
    expect(await newStore().settingsFor('beta')).toMatchObject({ credential: undefined, surface: { state: 'read-write' } });
  });

  const comparison = (over: Partial<ShadowComparison> = {}): ShadowComparison => ({
    tenantId: 'acme', entitySet: 'Customers', atMs: Date.parse('2026-03-01T10:15:00Z'), requestId: 'r1', request: 'GET /Customers?$top=1', primary: 'upstream', ...over,
  });

  it('counts comparisons per tenant, set and hour, and keeps differences with request and values', async () => {
    await store.recordComparison(comparison());
    await store.recordComparison(comparison({ atMs: Date.parse('2026-03-01T10:59:59Z') }));
    await store.recordComparison(comparison({ atMs: Date.parse('2026-03-01T11:00:00Z'), difference: { path: '/value/0/Name', primaryValue: '"A"', secondaryValue: '"B"' } }));
    await Promise.all(Array.from({ length: 20 }, () => store.recordComparison(comparison({ atMs: Date.parse('2026-03-01T12:00:00Z') }))));
    const counts = (await database.db.knex('shadow_comparison_counts').orderBy('bucket_ms')) as Array<{ bucket_ms: unknown; compared: unknown; differed: unknown }>;
    expect(counts.map((c) => [new Date(Number(c.bucket_ms)).toISOString(), Number(c.compared), Number(c.differed)])).toEqual([
      ['2026-03-01T10:00:00.000Z', 2, 0], ['2026-03-01T11:00:00.000Z', 1, 1], ['2026-03-01T12:00:00.000Z', 20, 0],
    ]);
    const diffs = (await database.db.knex('shadow_differences').select()) as Array<Record<string, unknown>>;
    expect(diffs).toEqual([expect.objectContaining({ tenant_id: 'acme', entity_set: 'Customers', at: '2026-03-01T11:00:00.000Z', request_id: 'r1', request: 'GET /Customers?$top=1', primary_side: 'upstream', first_path: '/value/0/Name', primary_value: '"A"', secondary_value: '"B"' })]);
  });

  it('keeps only the newest 200 differences per tenant and set', async () => {
    const diff = { path: '/value', primaryValue: '1', secondaryValue: '2' };
    for (let i = 0; i < 205; i++) await store.recordComparison(comparison({ requestId: `r${i}`, difference: diff }));
    await store.recordComparison(comparison({ tenantId: 'beta', requestId: 'other', difference: diff }));
    const ids = (await database.db.knex('shadow_differences').where({ tenant_id: 'acme' }).orderBy('id').select('request_id')) as Array<{ request_id: string }>;
    expect(ids).toHaveLength(200);
    expect(ids[0]?.request_id).toBe('r5');
    expect(ids.at(-1)?.request_id).toBe('r204');
    expect(await database.db.knex('shadow_differences').where({ tenant_id: 'beta' }).select('id')).toHaveLength(1);
  });
});

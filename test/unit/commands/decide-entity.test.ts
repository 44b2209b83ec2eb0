// The pure decide functions of the entity handlers, without a database: given what the load step
// found and a command, which events and state follow — or which typed error.
import { describe, expect, it } from 'vitest';
import { entitySet, navigation, typeOfSet, type EntitySet } from '../../../metadata';
import { decideCreate, linkToParent, prepareCreate } from '../../../src/commands/entity/decide-create';
import { decideChange, prepareChange } from '../../../src/commands/entity/decide-change';
import { decideDelete } from '../../../src/commands/entity/decide-delete';
import { referencesOf } from '../../../src/commands/entity/entity-rules';
import { JsonNumber } from '../../../src/edm/exact-json';
import type { ModelRecord } from '../../../src/edm/model-values';

const set = (name: string): EntitySet => entitySet(name)!;
const NOW = '2026-03-01T12:00:00.000Z';
const LATER = '2026-03-02T08:30:00.000Z';
const nothingLoaded = { exists: false, missing: [], duplicates: [] };

function created(setName: string, values: Record<string, unknown>): ModelRecord {
  const input = prepareCreate(set(setName), { values });
  if (!input.ok) throw input.error;
  const d = decideCreate(set(setName), input.values, nothingLoaded, NOW);
  if (!d.ok) throw d.error;
  return d.state;
}

describe('decideCreate', () => {
  it('fills defaults and nulls, stamps CreatedAt/ModifiedAt/Version 1, and emits TCreated', () => {
    const input = prepareCreate(set('Customers'), { values: { ID: '1', Name: 'A', CreditLimit: new JsonNumber('12345678901234.5') } });
    expect(input.ok).toBe(true);
    const d = input.ok ? decideCreate(set('Customers'), input.values, nothingLoaded, NOW) : undefined;
    expect(d).toMatchObject({
      ok: true,
      state: { ID: '1', Currency: 'EUR', CreditLimit: '12345678901234.50', IsBlocked: false, Email: null, CreatedAt: NOW, ModifiedAt: NOW, Version: '1' },
      events: [{ type: 'CustomerCreated', data: { key: { ID: '1' } } }],
    });
  });

  it('rejects an existing key (409), missing references and duplicates (422 naming each property)', () => {
    const values = created('Contacts', { ID: 'c', CustomerID: '9', LastName: 'L', Email: 'a@b' });
    expect(decideCreate(set('Contacts'), values, { ...nothingLoaded, exists: true }, NOW)).toMatchObject({ ok: false, error: { status: 409 } });
    const missing = referencesOf(set('Contacts'), values);
    const d = decideCreate(set('Contacts'), values, { exists: false, missing, duplicates: ['Email'] }, NOW);
    expect(d).toMatchObject({ ok: false, error: { status: 422, details: [{ code: 'UnknownReference', target: 'CustomerID' }, { code: 'Duplicate', target: 'Email' }] } });
  });

  it('links deep-inserted entities to their parent and refuses a contradicting link', () => {
    const nav = navigation(typeOfSet(set('Customers')), 'Contacts')!;
    expect(linkToParent(nav, { ID: '7' }, { values: { ID: 'c' } }).values).toEqual({ ID: 'c', CustomerID: '7' });
    expect(() => linkToParent(nav, { ID: '7' }, { values: { CustomerID: '8' } })).toThrow(/must be the parent's ID/);
  });
});

describe('decideChange', () => {
  const current = created('Customers', { ID: '1', Name: 'A', Address: { Street: 'S', City: 'Wien' }, PriceGroup: 'VIP' });
  const loaded = { current, missing: [], duplicates: [] };

  function change(values: Record<string, unknown>, mode: 'merge' | 'full', expected?: '*' | string[]) {
    const input = prepareChange(set('Customers'), { key: { ID: '1' }, values }, mode);
    if (!input.ok) return input;
    return decideChange(set('Customers'), { ID: '1' }, input.values, mode, expected, loaded, LATER);
  }

  it('merges a PATCH, including the members of a complex value, and bumps Version', () => {
    const d = change({ Name: 'B', Address: { City: 'Zürich' } }, 'merge', ['1']);
    expect(d).toMatchObject({
      ok: true,
      state: { Name: 'B', PriceGroup: 'VIP', Address: { Street: 'S', City: 'Zürich', PostalCode: null }, Version: '2', CreatedAt: NOW, ModifiedAt: LATER },
      previousVersion: '1',
      events: [{ type: 'CustomerUpdated', data: { changed: ['Name', 'Address'], replaced: false } }],
    });
    expect(d.ok && Object.keys(d.changes).sort()).toEqual(['Address', 'ModifiedAt', 'Name', 'Version']);
  });

  it('replaces on PUT: omitted properties become their default or null', () => {
    expect(change({ Name: 'C', CreditLimit: 5 }, 'full', '*')).toMatchObject({
      ok: true, state: { Name: 'C', PriceGroup: null, Currency: 'EUR', CreditLimit: '5.00', Address: { Street: null, City: null } },
      events: [{ data: { replaced: true } }],
    });
  });

  it('emits nothing for a change that changes nothing', () => {
    expect(change({ Name: 'A' }, 'merge')).toMatchObject({ ok: true, events: [], changes: {}, state: current });
  });

  it('rejects a stale ETag (412), a missing entity (404) and a changed key (400)', () => {
    expect(change({ Name: 'B' }, 'merge', ['7'])).toMatchObject({ ok: false, error: { status: 412 } });
    const input = prepareChange(set('Customers'), { key: { ID: '1' }, values: { Name: 'B' } }, 'merge');
    expect(input.ok && decideChange(set('Customers'), { ID: '1' }, input.values, 'merge', undefined, { ...loaded, current: undefined }, LATER))
      .toMatchObject({ ok: false, error: { status: 404 } });
    expect(change({ ID: '2' }, 'merge')).toMatchObject({ ok: false, error: { status: 400, target: 'ID' } });
  });
});

describe('decideDelete', () => {
  const current = created('Customers', { ID: '1', Name: 'A' });
  const cascade = [{ set: 'Contacts', key: { ID: 'c' } }];

  it('emits TDeleted with the last state and hands back the cascade', () => {
    expect(decideDelete(set('Customers'), { ID: '1' }, { key: { ID: '1' }, expectedVersion: ['1'] }, { current, cascade, blocking: [] })).toMatchObject({
      ok: true, cascade, events: [{ type: 'CustomerDeleted', data: { key: { ID: '1' }, entity: { Name: 'A' } } }],
    });
  });

  it('records the cascade origin on cascaded deletes', () => {
    const contact = created('Contacts', { ID: 'c', CustomerID: '1', LastName: 'L', Email: 'a@b' });
    const cascadeOf = { set: 'Customers', key: { ID: '1' } };
    expect(decideDelete(set('Contacts'), { ID: 'c' }, { key: { ID: 'c' }, cascadeOf }, { current: contact, cascade: [], blocking: [] }))
      .toMatchObject({ ok: true, events: [{ type: 'ContactDeleted', data: { cascadeOf } }] });
  });

  it('rejects a missing entity (404), a stale ETag (412) and remaining dependents (409)', () => {
    const data = { key: { ID: '1' } };
    expect(decideDelete(set('Customers'), { ID: '1' }, data, { current: undefined, cascade: [], blocking: [] })).toMatchObject({ error: { status: 404 } });
    expect(decideDelete(set('Customers'), { ID: '1' }, { ...data, expectedVersion: ['2'] }, { current, cascade: [], blocking: [] })).toMatchObject({ error: { status: 412 } });
    expect(decideDelete(set('Products'), { ID: '1' }, data, { current, cascade: [], blocking: ['PriceAgreements'] })).toMatchObject({ error: { status: 409, target: 'PriceAgreements' } });
  });
});

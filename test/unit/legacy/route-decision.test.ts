import { describe, expect, it } from 'vitest';
import { parseODataUri } from '../../../src/odata/uri';
import { decideRoute } from '../../../src/legacy/decide-route';
import { batchSide } from '../../../src/legacy/batch-side';
import { upstreamUrlRewriter } from '../../../src/legacy/rewrite-upstream-urls';
import type { RouteSetting } from '../../../src/legacy/legacy-settings';

const SETS = ['Customers', 'Contacts', 'Products', 'Categories', 'PriceAgreements'];
const routes = (over: Record<string, Partial<RouteSetting>> = {}) =>
  new Map(SETS.map((s) => [s, { entitySet: s, mode: 'local', primary: 'local', ...over[s] } as RouteSetting]));

describe('which side answers', () => {
  it('routes by the first segment; service document and $metadata are always local', () => {
    const r = routes({ Customers: { mode: 'upstream', primary: 'upstream' } });
    expect(decideRoute(parseODataUri("/Customers('1')/Contacts", ''), 'GET', r)).toEqual({ kind: 'upstream', entitySet: 'Customers' });
    expect(decideRoute(parseODataUri('/Contacts', ''), 'GET', r).kind).toBe('local');
    expect(decideRoute(parseODataUri('/$metadata', ''), 'GET', r).kind).toBe('local');
    expect(decideRoute(parseODataUri('', ''), 'GET', r).kind).toBe('local');
    expect(decideRoute(parseODataUri('/$batch', ''), 'POST', r).kind).toBe('batch');
  });

  it('compares only GETs in shadow; writes go to the primary alone', () => {
    const r = routes({ Customers: { mode: 'shadow', primary: 'upstream' }, Products: { mode: 'shadow', primary: 'local' } });
    expect(decideRoute(parseODataUri('/Customers', ''), 'GET', r)).toEqual({ kind: 'shadow', entitySet: 'Customers', primary: 'upstream' });
    expect(decideRoute(parseODataUri('/Customers', ''), 'POST', r)).toEqual({ kind: 'upstream', entitySet: 'Customers' });
    expect(decideRoute(parseODataUri('/Products', ''), 'PATCH', r).kind).toBe('local');
  });

  it('serves a $batch on the side every set agrees on, else 409 naming the sets', () => {
    expect(batchSide(routes())).toBe('local');
    expect(batchSide(routes(Object.fromEntries(SETS.map((s) => [s, { mode: 'shadow', primary: 'upstream' }]))))).toBe('upstream');
    expect(() => batchSide(routes({ Customers: { mode: 'upstream', primary: 'upstream' } }))).toThrow(/served here: Categories, Contacts, PriceAgreements, Products; served by the legacy service: Customers/);
  });
});

describe('rewriting the upstream service root', () => {
  it('replaces the root only where it is the root', () => {
    const rw = upstreamUrlRewriter('http://legacy:8080/odata', 'https://gw.example.com/odata');
    expect(rw('{"@odata.context":"http://legacy:8080/odata/$metadata#Customers","x":"http://legacy:8080/odata2/y","z":"http://legacy:8080/odata"}'))
      .toBe('{"@odata.context":"https://gw.example.com/odata/$metadata#Customers","x":"http://legacy:8080/odata2/y","z":"https://gw.example.com/odata"}');
  });
});

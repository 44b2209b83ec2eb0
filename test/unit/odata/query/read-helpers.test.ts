// The planner's pure helpers: sets touched (authorization), context-URL select clause, nextLink
// composition, skiptoken round trip and page-size clamping — no database involved.
import { describe, expect, it } from 'vitest';
import { parseODataUri } from '../../../../src/odata/uri';
import { setsTouched } from '../../../../src/odata/query/sets-touched';
import { contextSelect } from '../../../../src/odata/query/context-select';
import { buildNextLink } from '../../../../src/odata/query/next-link';
import { decodeSkipToken, encodeSkipToken } from '../../../../src/odata/query/skiptoken';
import { buildPlan, clampPageSize } from '../../../../src/odata/query/build-plan';

const uri = (path: string, query = '') => parseODataUri(path, query);

describe('setsTouched', () => {
  it('lists the path sets, every $expand level and sets reached from $filter/$orderby', () => {
    expect(setsTouched(uri("/Customers('1')/Contacts"))).toEqual(['Customers', 'Contacts']);
    expect(setsTouched(uri('/Customers', '$expand=Contacts($expand=Customer($expand=PriceAgreements))'))).toEqual(['Customers', 'Contacts', 'PriceAgreements']);
    expect(setsTouched(uri('/Contacts', "$filter=Customer/PriceAgreements/any(p: p/Product/Name eq 'x')"))).toEqual(['Contacts', 'Customers', 'PriceAgreements', 'Products']);
    expect(setsTouched(uri('/Products', '$orderby=Category/Name'))).toEqual(['Products', 'Categories']);
    expect(setsTouched(uri('/Categories', '$expand=*'))).toEqual(['Categories', 'Products']);
  });

  it('throws 404 for an unknown entity set', () => {
    expect(() => setsTouched(uri('/Nope'))).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('contextSelect', () => {
  it.each([
    ['', undefined],
    ['$select=ID,Name', 'ID,Name'],
    ['$expand=Contacts', 'Contacts()'],
    ['$select=Name,Contacts&$expand=Contacts($select=Email;$expand=Customer)', 'Name,Contacts(Email,Customer())'],
    ['$select=Address/City', 'Address/City'],
    ['$select=*', '*'],
  ])('%s → %s', (query, expected) => {
    expect(contextSelect(uri('/Customers', query).options)).toBe(expected);
  });
});

describe('buildNextLink', () => {
  it('keeps other options as sent, drops $skip/$top/$skiptoken (any spelling) and appends the new ones', () => {
    const link = buildNextLink({
      serviceRoot: 'http://h/odata',
      resourcePath: "/Customers('1')/Contacts",
      rawQuery: '%24filter=a%20eq%201&$SKIP=3&top=10&$select=ID&$skiptoken=old&custom=x',
      remainingTop: 7,
      skiptoken: 'abc',
    });
    expect(link).toBe("http://h/odata/Customers('1')/Contacts?%24filter=a%20eq%201&$select=ID&custom=x&$top=7&$skiptoken=abc");
  });
});

describe('skiptoken', () => {
  const plan = buildPlan(uri('/Customers', '$orderby=CreditLimit desc,Name2'), { maxExpandDepth: 3, now: new Date() });

  it('round-trips the order values of the last row', () => {
    const values = ['-500', null, '10004'];
    expect(decodeSkipToken(encodeSkipToken(values), plan.root.orderBy)).toEqual(values);
  });

  it.each([['x'], [[1, null, '10004']], [['1.5', null, '1']], [['1', null]], [['99999999999999999999', null, '1']]])('rejects %j', (values) => {
    const token = typeof values === 'string' ? values : encodeSkipToken(values as never);
    expect(() => decodeSkipToken(token, plan.root.orderBy)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('clampPageSize', () => {
  it.each([[undefined, 100], [0, 100], [50, 50], [5000, 1000], [Number.NaN, 100]])('%s → %s', (n, expected) => {
    expect(clampPageSize(n)).toBe(expected);
  });
});

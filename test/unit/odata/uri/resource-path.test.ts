import { describe, expect, it } from 'vitest';
import { NotImplementedError, ODataSyntaxError } from '../../../../src/errors/catalogue';
import { parseResourcePath } from '../../../../src/odata/uri';
import { thrown } from './uri-test-helpers';

const str = (value: string) => ({ kind: 'literal', type: 'string', value }) as const;

describe('resource path', () => {
  it('reads the service document from an empty path or a slash', () => {
    expect(parseResourcePath('')).toEqual([]);
    expect(parseResourcePath('/')).toEqual([]);
  });
  it('reads $metadata and $batch', () => {
    expect(parseResourcePath('/$metadata')).toEqual([{ kind: 'metadata' }]);
    expect(parseResourcePath('/$batch')).toEqual([{ kind: 'batch' }]);
  });
  it('reads an entity set and a string key with navigation', () => {
    expect(parseResourcePath("/Customers('10042')/Contacts")).toEqual([
      { kind: 'identifier', name: 'Customers', key: { kind: 'single', value: str('10042') } },
      { kind: 'identifier', name: 'Contacts' },
    ]);
  });
  it('reads an integer key', () => {
    expect(parseResourcePath('/Categories(7)')).toEqual([{ kind: 'identifier', name: 'Categories', key: { kind: 'single', value: { kind: 'literal', type: 'int', value: '7' } } }]);
  });
  it('reads a composite key', () => {
    expect(parseResourcePath("/PriceAgreements(CustomerID='10042',ProductID='A-1')")).toEqual([
      { kind: 'identifier', name: 'PriceAgreements', key: { kind: 'named', pairs: [{ name: 'CustomerID', value: str('10042') }, { name: 'ProductID', value: str('A-1') }] } },
    ]);
  });
  it("decodes doubled quotes and percent-encoded quotes in a key", () => {
    expect(parseResourcePath("/Customers('O''Brien')")[0]).toMatchObject({ key: { value: str("O'Brien") } });
    expect(parseResourcePath('/Customers(%27O%27%27Brien%27)')[0]).toMatchObject({ key: { value: str("O'Brien") } });
  });
  it('keeps an encoded slash inside a key as data, not a segment separator', () => {
    const segments = parseResourcePath("/Categories('Smartphone%2FTablet')/Products");
    expect(segments).toHaveLength(2);
    expect(segments[0]).toMatchObject({ key: { value: str('Smartphone/Tablet') } });
  });
  it('keeps a raw slash inside a quoted key as data too', () => {
    expect(parseResourcePath("/Categories('a/b')")[0]).toMatchObject({ key: { value: str('a/b') } });
  });
  it('decodes the whole segment when its parentheses are percent-encoded', () => {
    expect(parseResourcePath('/Customers%28%2710042%27%29')[0]).toMatchObject({ name: 'Customers', key: { value: str('10042') } });
  });
  it('reads property, $value, $count and $ref segments', () => {
    expect(parseResourcePath("/Customers('10042')/Address/City/$value").map((s) => s.kind)).toEqual(['identifier', 'identifier', 'identifier', 'value']);
    expect(parseResourcePath('/Customers/$count')).toEqual([{ kind: 'identifier', name: 'Customers' }, { kind: 'count' }]);
    expect(parseResourcePath("/Customers('1')/Contacts/$ref").at(-1)).toEqual({ kind: 'ref' });
  });
  it('reads temporal and guid keys', () => {
    expect(parseResourcePath('/Events(2018-02-13T23%3A59%3A59Z)')[0]).toMatchObject({ key: { value: { type: 'dateTimeOffset', value: '2018-02-13T23:59:59.000Z' } } });
    expect(parseResourcePath('/Tokens(01234567-89ab-cdef-0123-456789abcdef)')[0]).toMatchObject({ key: { value: { type: 'guid' } } });
  });
  it('tolerates one trailing slash', () => {
    expect(parseResourcePath('/Customers/')).toEqual([{ kind: 'identifier', name: 'Customers' }]);
  });
  it.each([
    ['/Categories(ID=wrong)', 'expected a key value'],
    ['/OrderItems(OrderID=1;ItemID=2)', "expected ',' or ')'"],
    ['/Customers()', 'expected a key value'],
    ['/Customers(null)', 'expected a key value'],
    ["/Customers('a'", "expected ',' or ')'"],
    ["/Customers('a", 'unterminated string'],
    ['/Customers//Contacts', 'empty path segment'],
    ['/.Products', 'expected an entity set'],
    ["/Products.('x')", "unexpected '.('x')'"],
    ['/Products/$count/Name', '$count must follow a resource and end the path'],
    ['/$count', '$count must follow a resource'],
    ['/$metadata/Customers', '$metadata must be the only path segment'],
    ['/Customers(%ZZ)', 'two hexadecimal digits'],
  ])('rejects %s', (path, message) => {
    const e = thrown(() => parseResourcePath(path));
    expect(e).toBeInstanceOf(ODataSyntaxError);
    expect(e.message).toContain(message);
  });
  it('reports the position of a bad key inside the path', () => {
    expect(thrown(() => parseResourcePath('/Categories(ID=wrong)')).position).toBe(15);
  });
  it('answers 501 for type casts, function imports and other $-segments', () => {
    expect(thrown(() => parseResourcePath('/Products/B2X.Erp.Special'))).toBeInstanceOf(NotImplementedError);
    expect(thrown(() => parseResourcePath('/$crossjoin(A,B)'))).toBeInstanceOf(NotImplementedError);
    expect(thrown(() => parseResourcePath('/Categories(@key)'))).toBeInstanceOf(NotImplementedError);
  });
});

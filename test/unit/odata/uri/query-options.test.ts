import { describe, expect, it } from 'vitest';
import { BadRequestError, ODataSyntaxError, UriTooLongError } from '../../../../src/errors/catalogue';
import { parseODataUri, parseQueryOptions } from '../../../../src/odata/uri';
import { DEFAULT_LIMITS } from '../../../../src/odata/uri/limits';
import { show, thrown } from './uri-test-helpers';

describe('query option names', () => {
  it('matches names case-insensitively with or without $ (OData 4.01)', () => {
    for (const name of ['$filter', 'filter', '$FILTER', 'Filter']) {
      expect(show(parseQueryOptions(`${name}=a%20eq%201`).filter!)).toBe('(eq a 1)');
    }
  });
  it('rejects a system option given twice, even spelled differently', () => {
    const e = thrown(() => parseQueryOptions('$top=1&TOP=2'));
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e.message).toContain('$top is given more than once');
  });
  it('rejects an unknown $-option and names it', () => {
    const e = thrown(() => parseQueryOptions('$filter=true&$xyz=1'));
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e.message).toContain("'$xyz'");
  });
  it('ignores custom options that are not system option names', () => {
    expect(parseQueryOptions('debug-mode=true&!special&find=O%27Neil')).toEqual({});
  });
  it('records valid but unsupported options for a 501', () => {
    expect(parseQueryOptions('$apply=groupby((Name))&compute=a&$deltatoken=x&$schemaversion=1&$index=2&$levels=2').unsupported).toEqual([
      '$apply', '$compute', '$deltatoken', '$schemaversion', '$index', '$levels',
    ]);
  });
  it('still checks the syntax of $index', () => {
    expect(thrown(() => parseQueryOptions('$index=fortytwo'))).toBeInstanceOf(BadRequestError);
  });
  it('requires a value for a system option', () => {
    expect(thrown(() => parseQueryOptions('$count')).message).toContain('$count needs a value');
  });
  it('accepts an empty query and empty parts', () => {
    expect(parseQueryOptions('')).toEqual({});
    expect(parseQueryOptions('&&$top=1&')).toEqual({ top: 1 });
  });
  it("rejects a raw '#' in the query", () => {
    expect(thrown(() => parseQueryOptions('$search=#1'))).toBeInstanceOf(ODataSyntaxError);
  });
});

describe('decoding', () => {
  it('splits on raw & and = before decoding, so %26 and %3D stay in the value', () => {
    expect(show(parseQueryOptions("$filter=Name%20eq%20'a%26b%3Dc'").filter!)).toBe("(eq Name 'a&b=c')");
  });
  it("keeps '+' as a plus sign, not a space (RFC 3986 / OData ABNF)", () => {
    expect(show(parseQueryOptions("$filter=Name%20eq%20'a+b'").filter!)).toBe("(eq Name 'a+b')");
    expect(thrown(() => parseQueryOptions("$filter=Name+eq+'x'"))).toBeInstanceOf(ODataSyntaxError);
  });
  it('rejects malformed percent-encoding', () => {
    expect(thrown(() => parseQueryOptions('$filter=a%2'))).toBeInstanceOf(ODataSyntaxError);
    expect(thrown(() => parseQueryOptions('$filter=a%C3%28')).message).toContain('not valid UTF-8');
  });
  it('decodes UTF-8', () => {
    expect(show(parseQueryOptions("$filter=City%20eq%20'M%C3%BCnchen'").filter!)).toBe("(eq City 'München')");
  });
});

describe('scalar options', () => {
  it('reads $top, $skip, $count, $format and $skiptoken', () => {
    expect(parseQueryOptions('$top=10&$skip=0&$count=TRUE&$format=application/json;odata.metadata=full&$skiptoken=Start@Next:From?=Here!')).toEqual({
      top: 10,
      skip: 0,
      count: true,
      format: 'application/json;odata.metadata=full',
      skiptoken: 'Start@Next:From?=Here!',
    });
  });
  it.each(['$top=-1', '$top=abc', '$top=', '$top=1.5', '$skip=2147483648', '$count=yes', '$format=', '$skiptoken='])('rejects %s with a 400 BadRequest', (q) => {
    expect(thrown(() => parseQueryOptions(q))).toBeInstanceOf(BadRequestError);
  });
  it('accepts the largest Int32 for $top', () => {
    expect(parseQueryOptions('$top=2147483647').top).toBe(2147483647);
  });
});

describe('parseODataUri', () => {
  it('parses path and query together', () => {
    const uri = parseODataUri("/Customers('10042')/Contacts", '$top=2');
    expect(uri.segments).toHaveLength(2);
    expect(uri.options).toEqual({ top: 2 });
  });
  it('answers 414 when path and query exceed maxUrlLength', () => {
    const e = thrown(() => parseODataUri('/Customers', `$filter=${'a'.repeat(DEFAULT_LIMITS.maxUrlLength)}`));
    expect(e).toBeInstanceOf(UriTooLongError);
    expect(e.status).toBe(414);
  });
  it('accepts a URL of exactly maxUrlLength bytes', () => {
    const path = '/Customers';
    const query = `$skiptoken=${'a'.repeat(DEFAULT_LIMITS.maxUrlLength - path.length - 1 - '$skiptoken='.length)}`;
    expect(parseODataUri(path, query).options.skiptoken).toHaveLength(DEFAULT_LIMITS.maxUrlLength - 22);
  });
});

// The query-string credential check reads names and values as a form decoder would (URLSearchParams).
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { hasCredentialInQuery } from '../../../src/http/credential-in-query';

const check = (url: string) => hasCredentialInQuery({ originalUrl: url } as Request);

describe('hasCredentialInQuery', () => {
  it.each([
    '/odata/Customers?api_key=x',
    '/odata/Customers?$top=1&TOKEN',
    '/odata/Customers?api%5Fkey=x',
    '/odata/Customers?%41PI-KEY=x',
    '/odata/Customers?a=1&x-api-key=',
    '/odata/Customers?x=erp-service.acme.s3cret',
    '/odata/Customers?x=erp%2Dservice%2Eacme%2Es3cret',
    '/odata/Customers?b2x%2Dadmin%3Ax=1',
    "/odata/Customers?$filter=Name%20eq%20'b2x-admin%3Aabc'",
  ])('finds a credential in %s', (url) => {
    expect(check(url)).toBe(true);
  });

  it.each([
    '/odata/Customers',
    '/odata/Customers?',
    "/odata/Customers?$filter=Name%20eq%20'keystone'&$top=5",
    '/odata/Customers?api+key=x',
    '/odata/Customers?monkey=1&tokens=2',
    '/odata/Customers?x=%E0%A4%A&y=%ZZ',
    '/odata/Customers?x=erp-service&y=.',
    '/odata/Customers?&&=&a==b',
  ])('finds none in %s', (url) => {
    expect(check(url)).toBe(false);
  });

  it('agrees with URLSearchParams on every pair of a mixed query', () => {
    const query = 'a=1&b%3D=2&%6B%65%79=3&c=%65rp-service%2Ex';
    const pairs = [...new URLSearchParams(query)];
    expect(pairs.some(([n]) => n === 'key')).toBe(true);
    expect(check(`/x?${query}`)).toBe(true);
    expect(check(`/x?${query.replace('%6B%65%79=3&', '').replace('%65rp', 'rp')}`)).toBe(false);
  });
});

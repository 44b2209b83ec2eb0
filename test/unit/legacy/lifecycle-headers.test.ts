import { describe, expect, it } from 'vitest';
import { assertSurfaceAllows, deprecationValue, lifecycleHeaders, sunsetValue } from '../../../src/legacy/lifecycle-headers';

describe('legacy surface lifecycle headers', () => {
  it('sends Deprecation as @epoch-seconds (RFC 9745) and Sunset as an HTTP-date (RFC 8594)', () => {
    expect(deprecationValue('2026-01-01T00:00:00Z')).toBe('@1767225600');
    expect(sunsetValue('2026-12-31T23:59:59Z')).toBe('Thu, 31 Dec 2026 23:59:59 GMT');
  });

  it('links the migration notes as rel="deprecation" and, with a sunset, rel="sunset"', () => {
    const link = 'https://docs.example.com/migrate';
    expect(lifecycleHeaders({ state: 'read-write', deprecation: '2026-01-01T00:00:00Z', link })).toEqual([
      ['Deprecation', '@1767225600'],
      ['Link', `<${link}>; rel="deprecation"`],
    ]);
    expect(lifecycleHeaders({ state: 'read-write', sunset: '2026-12-31T23:59:59Z', link })).toEqual([
      ['Sunset', 'Thu, 31 Dec 2026 23:59:59 GMT'],
      ['Link', `<${link}>; rel="deprecation", <${link}>; rel="sunset"`],
    ]);
    expect(lifecycleHeaders({ state: 'read-write' })).toEqual([]);
  });

  it('refuses writes when read-only and everything when off, naming /api/erp', () => {
    expect(() => assertSurfaceAllows({ state: 'read-only' }, 'GET')).not.toThrow();
    expect(() => assertSurfaceAllows({ state: 'read-only' }, 'PATCH')).toThrow(/read-only.*\/api\/erp/);
    expect(() => assertSurfaceAllows({ state: 'off' }, 'GET')).toThrow(/switched off.*\/api\/erp/);
  });
});

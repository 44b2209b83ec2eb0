// Entity input validation derived from the model: canonical values out, stable detail codes for
// every invalid property, computed properties ignored, foreign names refused.
import { describe, expect, it } from 'vitest';
import { checkEntityInput } from '../../../src/edm/input-schema';
import { canonicalDateTime, canonicalDecimal } from '../../../src/edm/input-values';
import { JsonNumber } from '../../../src/edm/exact-json';

const codes = (r: ReturnType<typeof checkEntityInput>) => (r.ok ? [] : (r.error.details ?? []).map((d) => `${d.code}:${d.target}`));

describe('canonical input values', () => {
  it.each([
    ['12.5', 18, 4, '12.5000'], ['.5', 18, 2, '0.50'], ['1e2', 18, 2, '100.00'], ['1.5E-1', 18, 2, '0.15'],
    ['-0.00', 18, 2, '0.00'], ['0007.10', 18, 2, '7.10'], ['9999999999999999.99', 18, 2, '9999999999999999.99'],
  ])('decimal %s (%i,%i) → %s', (text, p, s, out) => {
    expect(canonicalDecimal(text, p, s)).toEqual({ ok: true, value: out });
  });

  it.each([['1.005', 'Scale'], ['10000000000000000', 'Precision'], ['1e-7', 'Scale'], ['abc', 'InvalidType'], ['1,5', 'InvalidType']])(
    'decimal %s at (18,2) is %s',
    (text, code) => expect(canonicalDecimal(text, 18, 2)).toMatchObject({ ok: false, code }),
  );

  it('normalises date-times to UTC with milliseconds and refuses impossible ones', () => {
    expect(canonicalDateTime('2026-01-03T11:15:00+01:00')).toEqual({ ok: true, value: '2026-01-03T10:15:00.000Z' });
    expect(canonicalDateTime('2026-01-03T10:15Z')).toEqual({ ok: true, value: '2026-01-03T10:15:00.000Z' });
    for (const bad of ['2026-02-30T00:00:00Z', '2026-01-03T24:00:00Z', '2026-01-03', '2026-01-03T10:15:00.0001Z', 42]) {
      expect(canonicalDateTime(bad)).toMatchObject({ ok: false, code: 'InvalidDateTime' });
    }
  });
});

describe('checkEntityInput', () => {
  it('fills defaults and nulls in full mode and ignores computed properties', () => {
    const r = checkEntityInput('Product', { ID: 'A', Name: 'N', ListPrice: new JsonNumber('1'), Version: 9, ModifiedAt: 'x' }, 'full');
    expect(r).toEqual({
      ok: true,
      values: { ID: 'A', Name: 'N', Description: null, Gtin: null, Unit: 'PCE', CategoryID: null, ListPrice: '1.0000', Currency: 'EUR', StockQuantity: '0.000', IsActive: true },
    });
  });

  it('returns only the given properties (and complex members) in merge mode', () => {
    expect(checkEntityInput('Customer', { Address: { City: 'Berlin' } }, 'merge')).toEqual({ ok: true, values: { Address: { City: 'Berlin' } } });
  });

  it('collects one detail per invalid property', () => {
    const r = checkEntityInput('Contact', { ID: 'x'.repeat(21), CustomerID: 5, Email: null, Role: 'Boss', HasShopAccess: 1 }, 'full');
    expect(codes(r)).toEqual(['MaxLength:ID', 'InvalidType:CustomerID', 'Required:LastName', 'NotNullable:Email', 'EnumMember:Role', 'InvalidType:HasShopAccess']);
    expect(r.ok ? 0 : r.error.status).toBe(422);
  });

  it('refuses TenantId and unknown names with a 400', () => {
    expect(checkEntityInput('Customer', { tenantId: 'x' }, 'merge')).toMatchObject({ ok: false, error: { status: 400, target: 'tenantId' } });
    const r = checkEntityInput('Customer', { Colour: 1, Address: { Town: 'x' } }, 'merge');
    expect(r).toMatchObject({ ok: false, error: { status: 400, code: 'UnknownProperty' } });
    expect(codes(r)).toEqual(['UnknownProperty:Colour', 'UnknownProperty:Address/Town']);
  });
});

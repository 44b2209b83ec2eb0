import { describe, expect, it } from 'vitest';
import { tableOf } from '../../../src/edm/db-schema';
import {
  dateToStorage, decimalToScaled, scaledToDecimal, timestampToStorage, toStorageValue,
} from '../../../src/data/write/storage-values';
import { BadRequestError } from '../../../src/errors/catalogue';

describe('model values → storage values', () => {
  it.each([
    ['12.5', 4, '125000'],
    ['0.0001', 4, '1'],
    ['-3.20', 2, '-320'],
    ['1.50000', 2, '150'],
    ['.5', 2, '50'],
    ['7', 3, '7000'],
    ['1e2', 2, '10000'],
    ['1.5E-1', 2, '15'],
    ['-0.00', 2, '0'],
    ['9999999999999999.99', 2, '999999999999999999'],
  ])('decimal %s at scale %i → %s exactly', (text, scale, expected) => {
    expect(decimalToScaled(text, scale)).toBe(expected);
  });

  it.each([['0.00001', 4], ['1.005', 2], ['abc', 2], ['', 2], ['.', 2], ['1e-7', 4], ['10000000000000000.00', 2], ['1,5', 2]])(
    'rejects decimal %s at scale %i',
    (text, scale) => {
      expect(decimalToScaled(text, scale)).toBeUndefined();
    },
  );

  it('turns scaled integers back into decimal text', () => {
    expect(scaledToDecimal(125000, 4)).toBe('12.5000');
    expect(scaledToDecimal('-320', 2)).toBe('-3.20');
    expect(scaledToDecimal(5n, 3)).toBe('0.005');
    expect(scaledToDecimal('999999999999999999', 2)).toBe('9999999999999999.99');
  });

  it('normalises timestamps to fixed-width UTC with milliseconds and checks dates', () => {
    expect(timestampToStorage('2026-01-03T11:15:00+01:00')).toBe('2026-01-03T10:15:00.000Z');
    expect(timestampToStorage('2026-01-03T10:15:00.123456Z')).toBe('2026-01-03T10:15:00.123Z');
    expect(timestampToStorage('2026-01-03')).toBeUndefined();
    expect(dateToStorage('2024-02-29')).toBe('2024-02-29');
    expect(dateToStorage('2025-02-29')).toBeUndefined();
  });

  it('converts by column: booleans, enums by name, decimals, and names the property when invalid', () => {
    const contacts = tableOf('Contacts');
    const col = (t: ReturnType<typeof tableOf>, path: string) => t.byPath.get(path)!;
    expect(toStorageValue(col(contacts, 'Role'), 'Approver')).toBe(1);
    expect(toStorageValue(col(contacts, 'HasShopAccess'), true)).toBe(1);
    expect(toStorageValue(col(contacts, 'FirstName'), null)).toBeNull();
    const products = tableOf('Products');
    expect(toStorageValue(col(products, 'ListPrice'), '19.99')).toBe('199900');
    expect(() => toStorageValue(col(products, 'ListPrice'), '19.999999')).toThrow(BadRequestError);
    expect(() => toStorageValue(col(contacts, 'Role'), 'Boss')).toThrow(/Role/);
    expect(() => toStorageValue(tableOf('Customers').byPath.get('Address/City')!, 'x'.repeat(81))).toThrow(/Address\/City/);
  });
});

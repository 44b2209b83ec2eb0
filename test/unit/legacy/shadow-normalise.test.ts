import { describe, expect, it } from 'vitest';
import { canonicalDecimal, normaliseAnswer } from '../../../src/legacy/normalise-answer';
import { firstDifference } from '../../../src/legacy/first-difference';

const json = (status: number, body: unknown) => normaliseAnswer(status, 'application/json; odata.metadata=minimal', typeof body === 'string' ? body : JSON.stringify(body));

describe('shadow comparison: normalising and the first difference', () => {
  it('writes decimals canonically without passing them through a float', () => {
    expect(canonicalDecimal('1.50')).toBe('1.5');
    expect(canonicalDecimal('-0.0')).toBe('0');
    expect(canonicalDecimal('0012')).toBe('12');
    expect(canonicalDecimal('1.5e2')).toBe('150');
    expect(canonicalDecimal('15E-3')).toBe('0.015');
    expect(canonicalDecimal('12345678901234567890.123456789')).toBe('12345678901234567890.123456789');
    expect(canonicalDecimal('abc')).toBeUndefined();
  });

  it('treats numbers and numeric strings (IEEE754Compatible) as equal by exact value', () => {
    const a = json(200, '{"value":[{"Price":1000.50,"Stock":"9007199254740993"}]}');
    const b = json(200, '{"value":[{"Price":"1000.5","Stock":9007199254740993}]}');
    expect(firstDifference(a, b)).toBeUndefined();
    const c = json(200, '{"value":[{"Price":"1000.5","Stock":9007199254740992}]}');
    expect(firstDifference(a, c)).toEqual({ path: '/value/0/Stock', primaryValue: '"9007199254740993"', secondaryValue: '9007199254740992' });
  });

  it('compares DateTimeOffset values by instant', () => {
    const a = json(200, { At: '2026-01-03T10:00:00+01:00' });
    const b = json(200, { At: '2026-01-03T09:00:00.000Z' });
    expect(firstDifference(a, b)).toBeUndefined();
    expect(firstDifference(a, json(200, { At: '2026-01-03T09:00:01Z' }))?.path).toBe('/At');
  });

  it('drops URLs and version annotations that differ between two faithful services', () => {
    const a = json(200, { '@odata.context': 'http://a/odata/$metadata#Customers', '@odata.nextLink': 'http://a/odata/Customers?$skiptoken=1', value: [{ '@odata.etag': 'W/"1"', '@odata.id': 'http://a/x', 'Contacts@odata.navigationLink': 'http://a/y', ID: '1' }] });
    const b = json(200, { '@odata.context': 'http://b/odata/$metadata#Customers', value: [{ '@odata.etag': 'W/"7"', ID: '1' }] });
    expect(firstDifference(a, b)).toBeUndefined();
  });

  it('names the first differing place as a JSON Pointer with both values, arrays in order', () => {
    const a = json(200, { value: [{ ID: '1', Name: 'Alpha' }, { ID: '2', 'a/b': 'x' }] });
    const b = json(200, { value: [{ ID: '1', Name: 'Alpha' }, { ID: '2', 'a/b': 'y' }] });
    expect(firstDifference(a, b)).toEqual({ path: '/value/1/a~1b', primaryValue: '"x"', secondaryValue: '"y"' });
    const missing = firstDifference(json(200, { value: [{ ID: '1' }] }), json(200, { value: [] }));
    expect(missing).toEqual({ path: '/value/0', primaryValue: '{"ID":"1"}', secondaryValue: '<absent>' });
    expect(firstDifference(json(200, { value: [{ ID: '2' }, { ID: '1' }] }), json(200, { value: [{ ID: '1' }, { ID: '2' }] }))?.path).toBe('/value/0/ID');
  });

  it('compares statuses first and treats two errors of one status as equal', () => {
    const d = firstDifference(json(200, { ID: '1' }), json(404, { error: { code: 'NotFound' } }));
    expect(d?.path).toBe('');
    expect(JSON.parse(d?.secondaryValue ?? '')).toMatchObject({ status: 404 });
    expect(firstDifference(json(404, { error: { message: 'a' } }), json(404, { error: { message: 'b' } }))).toBeUndefined();
  });

  it('compares $count text answers by value and cuts long values to 1 KiB', () => {
    expect(firstDifference(normaliseAnswer(200, 'text/plain', '42'), normaliseAnswer(200, 'text/plain', '42\n'))).toBeUndefined();
    const long = 'x'.repeat(5000);
    const d = firstDifference(json(200, { Name: long }), json(200, { Name: 'y' }));
    expect(d?.primaryValue.length).toBe(1024);
  });
});

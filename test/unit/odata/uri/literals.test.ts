import { describe, expect, it } from 'vitest';
import { BadRequestError, NotImplementedError, ODataSyntaxError } from '../../../../src/errors/catalogue';
import { literal, thrown } from './uri-test-helpers';

describe('string literals', () => {
  it('decodes doubled single quotes', () => {
    expect(literal("'O''Brien'")).toEqual({ kind: 'literal', type: 'string', value: "O'Brien" });
  });
  it('keeps percent-decoded characters, including an encoded slash and ampersand', () => {
    expect(literal("'A/B&C'").value).toBe('A/B&C');
  });
  it('accepts the empty string', () => {
    expect(literal("''").value).toBe('');
  });
  it('reports an unterminated string at its opening quote', () => {
    const e = thrown(() => literal("Name eq 'abc"));
    expect(e).toBeInstanceOf(ODataSyntaxError);
    expect(e.message).toContain('unterminated string literal');
    expect(e.position).toBe(8);
  });
});

describe('numeric literals stay exact text', () => {
  it.each([
    ['42', 'int', '42'],
    ['-42', 'int', '-42'],
    ['+42', 'int', '42'],
    ['9223372036854775807', 'int', '9223372036854775807'],
    ['1000.50', 'decimal', '1000.50'],
    ['0.1', 'decimal', '0.1'],
    ['12345678901234567890.123456789', 'decimal', '12345678901234567890.123456789'],
    ['1.5M', 'decimal', '1.5'],
    ['1.5m', 'decimal', '1.5'],
    ['1e5', 'double', '1e5'],
    ['-0.314e1', 'double', '-0.314e1'],
    ['2.5E-3', 'double', '2.5E-3'],
    ['1.5d', 'double', '1.5'],
    ['1.5f', 'double', '1.5'],
    ['INF', 'double', 'INF'],
    ['-INF', 'double', '-INF'],
    ['NaN', 'double', 'NaN'],
  ])('reads %s as %s %s', (text, type, value) => {
    expect(literal(text)).toEqual({ kind: 'literal', type, value });
  });
  it.each(['42.', '1.2.3', '2x4', '1e5e2'])('rejects the malformed number %s', (text) => {
    expect(thrown(() => literal(text))).toBeInstanceOf(ODataSyntaxError);
  });
});

describe('boolean and null', () => {
  it('reads true and false case-insensitively (ABNF boolean)', () => {
    expect(literal('true').value).toBe(true);
    expect(literal('FALSE').value).toBe(false);
  });
  it('reads null', () => {
    expect(literal('null')).toEqual({ kind: 'literal', type: 'null', value: null });
  });
});

describe('temporal literals', () => {
  it('reads a Date as written', () => {
    expect(literal('2012-09-03')).toEqual({ kind: 'literal', type: 'date', value: '2012-09-03' });
  });
  it('accepts 29 February in a leap year', () => {
    expect(literal('2024-02-29').value).toBe('2024-02-29');
  });
  it.each(['2026-02-30', '2023-02-29', '2024-13-01', '2024-04-31', '2024-00-10'])('rejects the impossible Date %s with a 400', (text) => {
    const e = thrown(() => literal(text));
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e.message).toContain(text);
  });
  it('normalises a DateTimeOffset with an offset to UTC with milliseconds', () => {
    expect(literal('2012-09-03T14:53+02:00')).toEqual({ kind: 'literal', type: 'dateTimeOffset', value: '2012-09-03T12:53:00.000Z' });
  });
  it('normalises a negative offset across midnight and a year boundary', () => {
    expect(literal('2012-12-31T23:30:15.5-01:00').value).toBe('2013-01-01T00:30:15.500Z');
  });
  it('truncates fractional seconds beyond milliseconds', () => {
    expect(literal('2012-08-31T18:19:22.1234567Z').value).toBe('2012-08-31T18:19:22.123Z');
  });
  it('rolls a leap second over into the next minute', () => {
    expect(literal('1972-06-30T23:59:60Z').value).toBe('1972-07-01T00:00:00.000Z');
  });
  it('keeps a raw plus of the offset as a sign (it is not a space)', () => {
    const e = literal('2024-01-01T10:00:00+01:00');
    expect(e.value).toBe('2024-01-01T09:00:00.000Z');
  });
  it.each(['2011-12-31T24:00Z', '2012-09-03T12:60Z', '2026-02-30T10:00Z', '2012-09-03T10:00+24:00'])('rejects the out-of-range DateTimeOffset %s', (text) => {
    expect(thrown(() => literal(text))).toBeInstanceOf(BadRequestError);
  });
  it('requires a zone on a DateTimeOffset', () => {
    const e = thrown(() => literal('2012-09-03T10:00'));
    expect(e).toBeInstanceOf(ODataSyntaxError);
    expect(e.message).toContain("expected 'Z' or a time zone offset");
  });
  it('reads a TimeOfDay as HH:MM:SS.sss', () => {
    expect(literal('11:22')).toEqual({ kind: 'literal', type: 'timeOfDay', value: '11:22:00.000' });
    expect(literal('11:22:33.4444444').value).toBe('11:22:33.444');
  });
  it('rejects 24:00 as a TimeOfDay', () => {
    expect(thrown(() => literal('24:00:00'))).toBeInstanceOf(BadRequestError);
  });
  it("reads duration'…' and keeps its text", () => {
    expect(literal("duration'P6DT23H59M59.9999S'")).toEqual({ kind: 'literal', type: 'duration', value: 'P6DT23H59M59.9999S' });
    expect(literal("duration'-PT1H'").value).toBe('-PT1H');
  });
  it.each(["duration'P1Y'", "duration'P'", "duration'PT'", "duration'1D'"])('rejects the invalid duration %s', (text) => {
    expect(thrown(() => literal(text))).toBeInstanceOf(ODataSyntaxError);
  });
});

describe('guid and enum literals', () => {
  it('reads a Guid', () => {
    const g = '01234567-89ab-cdef-0123-456789ABCDEF';
    expect(literal(g)).toEqual({ kind: 'literal', type: 'guid', value: g });
  });
  it('reads a Guid that starts with letters', () => {
    expect(literal('deadbeef-0000-4000-8000-000000000000').type).toBe('guid');
  });
  it('reads an enum literal with its qualified type name', () => {
    expect(literal("B2X.Erp.ContactRole'Buyer'")).toEqual({ kind: 'literal', type: 'enum', typeName: 'B2X.Erp.ContactRole', value: ['Buyer'] });
  });
  it('reads several flag members and numeric members', () => {
    expect(literal("Sales.Pattern'Solid,Yellow,+42'").value).toEqual(['Solid', 'Yellow', '+42']);
  });
  it('rejects an enum member that is not a name or integer', () => {
    expect(thrown(() => literal("Sales.Pattern'Yel low'"))).toBeInstanceOf(ODataSyntaxError);
  });
  it('rejects a quote after an unqualified name', () => {
    expect(thrown(() => literal("X'1a2B'")).message).toContain('qualified type name');
  });
  it('answers 501 for binary and geo literals', () => {
    expect(thrown(() => literal("binary'Zm9v'"))).toBeInstanceOf(NotImplementedError);
    expect(thrown(() => literal("geography'SRID=0;Point(1 2)'"))).toBeInstanceOf(NotImplementedError);
  });
});

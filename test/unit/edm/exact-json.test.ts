// Request-body JSON keeps numbers as written, so decimals reach the model exactly.
import { describe, expect, it } from 'vitest';
import { JsonNumber, parseExactJson } from '../../../src/edm/exact-json';

describe('parseExactJson', () => {
  it('keeps the exact text of every number', () => {
    const v = parseExactJson('{"a":12345678901234.5678,"b":[-0.0001,1e-7,9007199254740993],"c":"x\\u00e4\\"","d":[true,false,null]}') as Record<string, unknown>;
    expect(v.a).toEqual(new JsonNumber('12345678901234.5678'));
    expect((v.b as JsonNumber[]).map((n) => n.text)).toEqual(['-0.0001', '1e-7', '9007199254740993']);
    expect(v.c).toBe('xä"');
    expect(v.d).toEqual([true, false, null]);
  });

  it.each([
    ['{"a":1,}', 'expected a member name'],
    ['{"a":1 "b":2}', "expected ',' or '}'"],
    ['{"a":01}', "expected ',' or '}'"],
    ['[1,2', "expected ',' or ']'"],
    ['{"a":"x\ny"}', 'control character'],
    ['{"a":"\\q"}', 'invalid escape'],
    ['{"a":1,"a":2}', "duplicate member 'a'"],
    ['{} {}', 'unexpected content'],
    ['', 'unexpected end'],
    ['{"a":-}', 'unexpected character'],
  ])('rejects %j with a 400 naming the problem', (text, problem) => {
    expect(() => parseExactJson(text)).toThrow(expect.objectContaining({ status: 400, message: expect.stringContaining(problem) }));
  });

  it('keeps __proto__ as a plain member and bounds nesting depth', () => {
    const v = parseExactJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(() => parseExactJson('['.repeat(100) + ']'.repeat(100))).toThrow(/nested deeper/);
  });

  it('parses a 10 MiB string in linear time', () => {
    const big = `{"s":"${'a'.repeat(10 * 1024 * 1024)}"}`;
    const started = Date.now();
    expect((parseExactJson(big) as { s: string }).s).toHaveLength(10 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

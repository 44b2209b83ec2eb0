// $search grammar, URL Conventions §5.1.7: NOT over AND over OR, implicit AND between terms,
// NOT/AND/OR are operators only where an operand follows them.
import { describe, expect, it } from 'vitest';
import { ODataSyntaxError } from '../../../../src/errors/catalogue';
import { parseQueryOptions } from '../../../../src/odata/uri';
import { showSearch, thrown } from './uri-test-helpers';

const search = (raw: string): string => showSearch(parseQueryOptions(`$search=${raw}`).search!);

describe('$search', () => {
  it.each([
    ['blue', 'blue'],
    ['blue green', '(AND blue green)'],
    ['blue%20green', '(AND blue green)'],
    ['blue AND green', '(AND blue green)'],
    ['blue OR green', '(OR blue green)'],
    ['blue NOT green', '(AND blue (NOT green))'],
    ['NOT blue', '(NOT blue)'],
    ['foo AND bar OR baz', '(OR (AND foo bar) baz)'],
    ['foo OR bar baz', '(OR foo (AND bar baz))'],
    ['(foo OR that) AND (bar OR baz) AND NOT quux', '(AND (AND (OR foo that) (OR bar baz)) (NOT quux))'],
    ['NOT (blue green)', '(NOT (AND blue green))'],
    ['"blue green"', '"blue green"'],
    ['"blue%20green" red', '(AND "blue green" red)'],
    ['"say \\"hi\\""', '"say "hi""'],
    ["'\"bl'", '""bl"'],
    ["'it''s'", '"it\'s"'],
  ])('parses %s as %s', (raw, expected) => {
    expect(search(raw)).toBe(expected);
  });
  it.each([
    ['AND', 'AND'],
    ['OR', 'OR'],
    ['NOT', 'NOT'],
    ['NOT NOT', '(NOT NOT)'],
    ['AND OR', '(AND AND OR)'],
    ['AND OR NOT', '(OR AND NOT)'],
    ['and', 'and'],
  ])('treats keywords without an operand as words: %s', (raw, expected) => {
    expect(search(raw)).toBe(expected);
  });
  it.each(['1984', '2x4', '3.14', '9,81', 'brand-new', "Daniel's", '__FILE__', '$search', '08/15', '%231', 'more%26more', 'a%3Bb', '%CE%94'])(
    'accepts the single word %s',
    (raw) => {
      expect(parseQueryOptions(`$search=${raw}`).search?.kind).toBe('term');
    },
  );
  it('ignores leading and trailing blanks', () => {
    expect(search('%20blue%20')).toBe('blue');
  });
  it.each([
    ['"blue', 'unterminated phrase'],
    ['""', 'must not be empty'],
    ['"blue"green', 'expected whitespace'],
    ['a;b', "unexpected ';b'"],
    ['(blue', "expected ')'"],
    ['blue)', "unexpected ')'"],
    ['', 'expected a search term'],
  ])('rejects %j', (raw, message) => {
    const e = thrown(() => parseQueryOptions(`$search=${raw}`));
    expect(e).toBeInstanceOf(ODataSyntaxError);
    expect(e.message).toContain(message);
  });
});

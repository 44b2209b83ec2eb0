// Syntax errors are 400 InvalidSyntax and say what was expected, what was found and where
// (the position is the offset in the decoded option value), with the option as the target.
import { describe, expect, it } from 'vitest';
import { ODataSyntaxError } from '../../../../src/errors/catalogue';
import { parseQueryOptions } from '../../../../src/odata/uri';
import { thrown } from './uri-test-helpers';

describe('syntax error messages', () => {
  it('names the option, what was expected and the position', () => {
    const e = thrown(() => parseQueryOptions('$filter=contains(Name%20eq%201'));
    expect(e).toBeInstanceOf(ODataSyntaxError);
    expect(e.code).toBe('InvalidSyntax');
    expect(e.status).toBe(400);
    expect(e.message).toBe("$filter: expected ',' or ')' in the arguments of contains() but found the end of the value at position 18");
    expect(e.position).toBe(18);
    expect((e as ODataSyntaxError).target).toBe('$filter');
  });
  it('points at a missing closing parenthesis and where it was opened', () => {
    const e = thrown(() => parseQueryOptions("$filter=(a%20eq%201%20and%20b"));
    expect(e.message).toBe("$filter: expected ')' to close the '(' at position 0 but found the end of the value at position 13");
  });
  it('says what is left over after a complete expression', () => {
    const e = thrown(() => parseQueryOptions('$filter=a%20eq%201)'));
    expect(e.message).toBe("$filter: unexpected ')' after the end of the expression at position 6");
  });
  it('asks for an operand after an operator', () => {
    expect(thrown(() => parseQueryOptions('$filter=a%20eq')).message).toBe("$filter: expected whitespace and an operand after 'eq' but found the end of the value at position 4");
    expect(thrown(() => parseQueryOptions("$filter=a%20eq'x'")).position).toBe(4);
  });
  it('rejects whitespace before the expression (ABNF: no blanks after =)', () => {
    expect(thrown(() => parseQueryOptions('$filter=%20true')).message).toContain('unexpected whitespace before the expression');
  });
  it('reports positions inside $expand relative to the $expand value', () => {
    const e = thrown(() => parseQueryOptions('$expand=Contacts($filter=Email%20eq)'));
    expect(e.position).toBe(25); // "Contacts($filter=Email eq" ends at 25
  });
  it('reports an unknown nested option with a hint of what is allowed', () => {
    const e = thrown(() => parseQueryOptions('$expand=Customer/$ref($expand=X)'));
    expect(e.message).toContain('$expand is not allowed in the options of Customer/$ref (allowed: $filter, $search, $orderby, $skip, $top, $count)');
  });
  it('rejects an empty $filter', () => {
    expect(thrown(() => parseQueryOptions('$filter=')).message).toContain('expected an expression but the value is empty');
  });
});

// Operator precedence of URL Conventions §5.1.1.15 (highest first): grouping; primary (/ has in
// calls); unary (- not); mul div divby mod; add sub; gt ge lt le; eq ne; and; or.
import { describe, expect, it } from 'vitest';
import { filter, show } from './uri-test-helpers';

describe('operator precedence', () => {
  it.each([
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['a eq 1 and b ne 2', '(and (eq a 1) (ne b 2))'],
    ['a lt 1 eq b gt 2', '(eq (lt a 1) (gt b 2))'],
    ['a add 1 gt b sub 2', '(gt (add a 1) (sub b 2))'],
    ['a add b mul c', '(add a (mul b c))'],
    ['a mul b add c', '(add (mul a b) c)'],
    ['a div b divby c mod d', '(mod (divby (div a b) c) d)'],
    ['a sub b sub c', '(sub (sub a b) c)'],
    ['a or b or c', '(or (or a b) c)'],
    ['(a or b) and c', '(and (or a b) c)'],
    ['a mul (b add c)', '(mul a (add b c))'],
  ])('parses %s as %s', (text, expected) => {
    expect(show(filter(text))).toBe(expected);
  });

  it('binds unary minus tighter than multiplication', () => {
    expect(show(filter('-a mul b'))).toBe('(mul (- a) b)');
  });
  it('binds not tighter than eq, as the table says', () => {
    expect(show(filter('not a eq b'))).toBe('(eq (not a) b)');
  });
  it('negates a parenthesised comparison when written so', () => {
    expect(show(filter('not (a eq b) and c'))).toBe('(and (not (eq a b)) c)');
  });
  it('binds has tighter than unary not (Primary group)', () => {
    expect(show(filter("not Role has Ns.Role'A'"))).toBe("(not (has Role Ns.Role'A'))");
  });
  it('binds in tighter than arithmetic and comparison', () => {
    expect(show(filter("a add b in (1,2) eq true"))).toBe('(eq (add a (in b [1 2])) true)');
  });
  it('reads a minus before a digit as a negative literal, not negation', () => {
    expect(show(filter('a sub -1'))).toBe('(sub a -1)');
    expect(filter('-1').kind).toBe('literal');
  });
  it('accepts operator words in any case (OData 4.01)', () => {
    expect(show(filter("Name EQ 'Milk' AND Price LT 2.55"))).toBe("(and (eq Name 'Milk') (lt Price 2.55))");
  });
  it('nests unary operators', () => {
    expect(show(filter('not not a'))).toBe('(not (not a))');
    expect(show(filter('- -a'))).toBe('(- (- a))');
  });
  it('records the position of the operator on binary nodes', () => {
    const e = filter('Name eq 1');
    expect(e.kind === 'binary' && e.pos).toBe(5);
  });
});

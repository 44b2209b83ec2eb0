import { describe, expect, it } from 'vitest';
import { NotImplementedError, ODataSyntaxError } from '../../../../src/errors/catalogue';
import { filter, options, show, thrown } from './uri-test-helpers';

describe('member paths', () => {
  it('reads a property path into segments', () => {
    expect(filter('Address/City')).toEqual({ kind: 'member', path: ['Address', 'City'], pos: 0 });
  });
  it('keeps $it as the first segment', () => {
    expect(show(filter('$it/Name eq 1'))).toBe('(eq $it/Name 1)');
    expect(show(filter("endswith($it,'.com')"))).toBe("endswith($it '.com')");
  });
  it('keeps a qualified type-cast segment for the binder', () => {
    expect(show(filter('Address/B2X.Erp.Ext/Zip eq 1'))).toBe('(eq Address/B2X.Erp.Ext/Zip 1)');
  });
  it('rejects a path that ends in a slash', () => {
    expect(thrown(() => filter('Address/ eq 1')).message).toContain("expected a property name after '/'");
  });
  it('rejects a qualified name standing alone', () => {
    expect(thrown(() => filter('Model.Available'))).toBeInstanceOf(ODataSyntaxError);
  });
  it('answers 501 for /$count inside an expression', () => {
    expect(thrown(() => filter('Contacts/$count gt 0'))).toBeInstanceOf(NotImplementedError);
  });
  it('answers 501 for $root', () => {
    expect(thrown(() => filter("$root/Customers('1')/Name eq 'x'"))).toBeInstanceOf(NotImplementedError);
  });
});

describe('lambda operators', () => {
  it('reads any with a variable and predicate', () => {
    expect(filter("Contacts/any(c:c/Email eq 'x')")).toEqual({
      kind: 'lambda',
      op: 'any',
      path: ['Contacts'],
      variable: 'c',
      predicate: { kind: 'binary', op: 'eq', left: { kind: 'member', path: ['c', 'Email'], pos: 15 }, right: { kind: 'literal', type: 'string', value: 'x' }, pos: 23 },
      pos: 0,
    });
  });
  it('reads the parameterless any() with blanks inside', () => {
    expect(filter('Contacts/any( )')).toEqual({ kind: 'lambda', op: 'any', path: ['Contacts'], pos: 0 });
  });
  it('reads all with blanks around the colon, and nested lambdas', () => {
    expect(show(filter('Customer/Orders/all( o : o/Lines/any(l: l/Qty gt 1) )'))).toBe('Customer/Orders/all(o: o/Lines/any(l: (gt l/Qty 1)))');
  });
  it('rejects all() without a lambda variable', () => {
    const e = thrown(() => filter('Products/all()'));
    expect(e.message).toContain('expected a lambda variable');
    expect(e.position).toBe(13);
  });
  it('rejects any() without a collection path in front', () => {
    const e = thrown(() => filter('any()'));
    expect(e).toBeInstanceOf(ODataSyntaxError);
    expect(e.position).toBe(3);
  });
});

describe('function calls', () => {
  it.each([
    ["contains(Name,'x')", "contains(Name 'x')"],
    ['substring(CompanyName, 5, 2)', 'substring(CompanyName 5 2)'],
    ['now()', 'now()'],
    ['concat(concat(Street,\'-\'),City)', "concat(concat(Street '-') City)"],
    ['geo.distance(A,B)', 'geo.distance(A B)'],
    ['matchesPattern(Name,\'^A\')', "matchesPattern(Name '^A')"],
  ])('reads %s', (text, expected) => {
    expect(show(filter(text))).toBe(expected);
  });
  it('keeps the function name as written', () => {
    const e = filter('ToUpper(Name)');
    expect(e.kind === 'call' && e.name).toBe('ToUpper');
  });
  it.each([['contains(Name,)'], ['contains(Name'], ['contains(,Name)'], ["contains(Name 'x')"]])('rejects the broken call %s', (text) => {
    expect(thrown(() => filter(text))).toBeInstanceOf(ODataSyntaxError);
  });
  it('answers 501 for named parameters of model functions', () => {
    expect(thrown(() => filter('Ns.Similar(Word=Name)'))).toBeInstanceOf(NotImplementedError);
  });
});

describe('in and has', () => {
  it("reads a parenthesised list after 'in'", () => {
    expect(show(filter("Name in ('Milk', 'Cheese')"))).toBe("(in Name ['Milk' 'Cheese'])");
  });
  it('reads the empty list and a single item', () => {
    expect(show(filter('Name in ()'))).toBe('(in Name [])');
    expect(show(filter("Name in ('a')"))).toBe("(in Name ['a'])");
  });
  it('reads a JSON array after in (OData 4.01)', () => {
    expect(show(filter('Name in ["Milk", \'Cheese\', 3]'))).toBe("(in Name ['Milk' 'Cheese' 3])");
  });
  it('decodes JSON escapes in array strings', () => {
    expect(show(filter('Name in ["a\\"b\\u0041"]'))).toBe(`(in Name ['a"bA'])`);
  });
  it('treats a single non-literal in parentheses as a one-item list', () => {
    expect(show(filter('FirstName in (LastName)'))).toBe('(in FirstName [LastName])');
  });
  it('rejects non-literals in a longer list at the comma', () => {
    const e = thrown(() => filter('FirstName in (FirstName,LastName)'));
    expect(e.message).toContain('only primitive literals');
    expect(e.position).toBe(23);
  });
  it('rejects a list that is not the right operand of in', () => {
    expect(thrown(() => filter("Names eq ('a','b')"))).toBeInstanceOf(ODataSyntaxError);
  });
  it('answers 501 for a collection-valued right operand', () => {
    expect(thrown(() => filter('Name in Names'))).toBeInstanceOf(NotImplementedError);
  });
  it('reads has with an enum literal', () => {
    expect(show(filter("Roles has B2X.Erp.ContactRole'Buyer'"))).toBe("(has Roles B2X.Erp.ContactRole'Buyer')");
  });
});

describe('parameter aliases', () => {
  it('substitutes an alias defined after its use', () => {
    const o = options({ $filter: 'Name eq @n', '@n': "'x'" });
    expect(show(o.filter!)).toBe("(eq Name 'x')");
  });
  it('substitutes an alias holding an expression and one used twice', () => {
    const o = options({ $filter: 'A eq @e and B eq @e', '@e': '5 add 3' });
    expect(show(o.filter!)).toBe('(and (eq A (add 5 3)) (eq B (add 5 3)))');
  });
  it('substitutes a list alias after in', () => {
    expect(show(options({ $filter: 'Name in @names', '@names': "('a','b')" }).filter!)).toBe("(in Name ['a' 'b'])");
  });
  it('treats an alias that is never given as null (OData-Protocol, Parameter Aliases)', () => {
    expect(show(options({ $filter: 'Name eq @missing' }).filter!)).toBe('(eq Name null)');
  });
  it('substitutes aliases in $orderby too', () => {
    expect(show(options({ $orderby: '@o', '@o': 'Name' }).orderby![0]!.expr)).toBe('Name');
  });
  it('rejects an alias that refers to itself', () => {
    expect(thrown(() => options({ $filter: 'A eq @a', '@a': '@b', '@b': '@a' })).message).toContain('refers to itself');
  });
});

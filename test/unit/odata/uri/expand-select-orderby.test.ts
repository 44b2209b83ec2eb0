import { describe, expect, it } from 'vitest';
import { BadRequestError, LimitExceededError, NotImplementedError, ODataSyntaxError } from '../../../../src/errors/catalogue';
import { parseQueryOptions } from '../../../../src/odata/uri';
import { options, show, thrown } from './uri-test-helpers';

describe('$select', () => {
  it('reads star and property paths', () => {
    expect(options({ $select: '*,Name,Address/City' }).select).toEqual([
      { kind: 'star' },
      { kind: 'path', path: ['Name'] },
      { kind: 'path', path: ['Address', 'City'] },
    ]);
  });
  it('answers 501 for Namespace.* and nested select options', () => {
    expect(thrown(() => options({ $select: 'B2X.Erp.*' }))).toBeInstanceOf(NotImplementedError);
    expect(thrown(() => options({ $select: 'Addresses($top=1)' }))).toBeInstanceOf(NotImplementedError);
  });
  it.each(['', 'Name,', 'Name/', 'Name Age'])('rejects the malformed $select %j', (value) => {
    expect(thrown(() => options({ $select: value }))).toBeInstanceOf(ODataSyntaxError);
  });
});

describe('$orderby', () => {
  it('reads several keys with directions in any case', () => {
    const o = options({ $orderby: 'Name asc,Rating, ReleaseDate DESC' }).orderby!;
    expect(o.map((i) => `${show(i.expr)} ${i.direction}`)).toEqual(['Name asc', 'Rating asc', 'ReleaseDate desc']);
  });
  it('orders by any expression, separated from the direction by a tab', () => {
    const o = options({ $orderby: 'Cost ge Revenue\tdesc,length(Name)' }).orderby!;
    expect(o.map((i) => `${show(i.expr)} ${i.direction}`)).toEqual(['(ge Cost Revenue) desc', 'length(Name) asc']);
  });
  it('rejects a trailing comma and an unknown direction', () => {
    expect(thrown(() => options({ $orderby: 'Name,' }))).toBeInstanceOf(ODataSyntaxError);
    expect(thrown(() => options({ $orderby: 'Name ascending' }))).toBeInstanceOf(ODataSyntaxError);
  });
});

describe('$expand', () => {
  it('reads navigation properties, star and $ref', () => {
    expect(options({ $expand: 'Contacts,*,Orders/$ref' }).expand).toEqual([
      { path: ['Contacts'], options: {} },
      { path: ['*'], options: {} },
      { path: ['Orders'], options: {}, ref: true },
    ]);
  });
  it('reads nested options, including a $filter that ends in a string', () => {
    const [item] = options({ $expand: "Contacts($filter=Email eq 'a;b)';$select=Email,Name;$orderby=Name desc;$top=5;$skip=1;$count=true;$search=blue green)" }).expand!;
    expect(show(item!.options.filter!)).toBe("(eq Email 'a;b)')");
    expect(item!.options.select).toEqual([{ kind: 'path', path: ['Email'] }, { kind: 'path', path: ['Name'] }]);
    expect(item!.options.orderby![0]!.direction).toBe('desc');
    expect([item!.options.top, item!.options.skip, item!.options.count]).toEqual([5, 1, true]);
    expect(item!.options.search).toEqual({ kind: 'and', left: { kind: 'term', value: 'blue' }, right: { kind: 'term', value: 'green' } });
  });
  it('reads nested option names without $ and in any case', () => {
    expect(options({ expand: 'Customer,Items(EXPAND=Product;levels=max)' }).expand![1]!.options).toEqual({ expand: [{ path: ['Product'], options: {} }], levels: 'max' });
  });
  it('reads options on $ref and $levels on star', () => {
    expect(options({ $expand: 'Orders/$ref($filter=Total gt 5;$top=2),*($levels=2)' }).expand!.map((i) => i.options.top ?? i.options.levels)).toEqual([2, 2]);
  });
  it('lets nested options use an alias defined in the same group or at the top level', () => {
    const o = options({ $expand: 'Contacts($filter=Role eq @r and Name eq @top;@r=1)', '@top': "'x'" });
    expect(show(o.expand![0]!.options.filter!)).toBe("(and (eq Role 1) (eq Name 'x'))");
  });
  it('keeps an encoded semicolon inside a nested $search word', () => {
    const o = parseQueryOptions('$expand=Manager($search=a%3Bb;$top=1)');
    expect(o.expand![0]!.options).toEqual({ search: { kind: 'term', value: 'a;b' }, top: 1 });
  });
  it("reads a nested $search with balanced parentheses and a word with an apostrophe", () => {
    const o = parseQueryOptions("$expand=Manager($search=(green) Daniel's)");
    expect(o.expand![0]!.options.search).toEqual({ kind: 'and', left: { kind: 'term', value: 'green' }, right: { kind: 'term', value: "Daniel's" } });
  });
  it('rejects $select, $expand and $levels after $ref, at the option name', () => {
    const e = thrown(() => options({ $expand: 'Customer/$ref($select=Name)' }));
    expect(e).toBeInstanceOf(ODataSyntaxError);
    expect(e.position).toBe(14);
  });
  it('rejects a repeated nested option and an unknown one', () => {
    expect(thrown(() => options({ $expand: 'A($top=1;$top=2)' }))).toBeInstanceOf(BadRequestError);
    expect(thrown(() => options({ $expand: 'A($foo=1)' })).message).toContain('$foo');
  });
  it('records $compute inside $expand as unsupported', () => {
    expect(options({ $expand: 'Sales($compute=Amount mul 2 as Twice)' }).expand![0]!.options.unsupported).toEqual(['$compute']);
  });
  it.each(['', 'A(', 'A()', 'A($top=1', 'A($top=1;)', 'A/', 'A,,B', 'A($levels=04)'])('rejects the malformed $expand %j', (value) => {
    const e = thrown(() => options({ $expand: value }));
    expect(e.status).toBe(400);
  });
  it('answers 501 for /$count and $value in $expand', () => {
    expect(thrown(() => options({ $expand: 'Items/$count' }))).toBeInstanceOf(NotImplementedError);
    expect(thrown(() => options({ $expand: '$value' }))).toBeInstanceOf(NotImplementedError);
  });
  it('allows three levels of $expand and refuses a fourth', () => {
    expect(options({ $expand: 'A($expand=B($expand=C))' }).expand).toHaveLength(1);
    const e = thrown(() => options({ $expand: 'A($expand=B($expand=C($expand=D)))' }));
    expect(e).toBeInstanceOf(LimitExceededError);
    expect(e.message).toBe('$expand is nested more than 3 levels deep (limit 3)');
  });
});

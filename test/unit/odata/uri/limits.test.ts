// Limits from limits.ts are enforced while parsing, so hostile input stops early with a 400 that
// names the limit. Timing is measured separately (scripts/measure-parser.ts), never asserted here.
import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../../../../src/errors/catalogue';
import { parseODataUri } from '../../../../src/odata/uri';
import { DEFAULT_LIMITS, type ODataLimits } from '../../../../src/odata/uri/limits';
import { filter, options, thrown } from './uri-test-helpers';

/** `$filter=((((…Name eq 'x'…))))` just under the 8 KiB URL limit, parentheses left raw */
function deepParentheses(): string {
  const core = 'Name%20eq%20%27x%27';
  const depth = Math.floor((DEFAULT_LIMITS.maxUrlLength - 16 - '/Products?$filter='.length - core.length) / 2);
  return `$filter=${'('.repeat(depth)}${core}${')'.repeat(depth)}`;
}

/** `$filter=a eq 1 or a eq 2 or …` just under the 8 KiB URL limit */
function flatChain(): string {
  const terms: string[] = [];
  for (let i = 1; terms.join('%20or%20').length < DEFAULT_LIMITS.maxUrlLength - 64; i++) terms.push(`a%20eq%20${i}`);
  return `$filter=${terms.join('%20or%20')}`;
}

describe('expression depth', () => {
  it('rejects an 8 KiB $filter of nested parentheses with LimitExceeded, naming the limit', () => {
    const query = deepParentheses();
    expect(query.length).toBeGreaterThan(8000);
    const e = thrown(() => parseODataUri('/Products', query));
    expect(e).toBeInstanceOf(LimitExceededError);
    expect(e.message).toBe('$filter is nested more than 32 levels deep (limit 32)');
  });
  it('accepts nesting exactly at the limit', () => {
    const depth = DEFAULT_LIMITS.maxExpressionDepth;
    expect(filter(`${'('.repeat(depth)}a${')'.repeat(depth)}`).kind).toBe('member');
  });
  it('counts function calls, lambdas, not and minus as nesting too', () => {
    const limits: ODataLimits = { ...DEFAULT_LIMITS, maxExpressionDepth: 3 };
    expect(thrown(() => filter('tolower(tolower(tolower(tolower(Name))))', limits))).toBeInstanceOf(LimitExceededError);
    expect(thrown(() => filter('not not not not a', limits))).toBeInstanceOf(LimitExceededError);
    expect(thrown(() => filter('- - - -a', limits))).toBeInstanceOf(LimitExceededError);
    expect(thrown(() => filter('A/any(a:a/B/any(b:b/C/any(c:c/D/any(d:true))))', limits))).toBeInstanceOf(LimitExceededError);
  });
  it('charges the depth of an alias value where it is used', () => {
    const limits: ODataLimits = { ...DEFAULT_LIMITS, maxExpressionDepth: 4 };
    expect(thrown(() => options({ $filter: '((@a))', '@a': '(((x)))' }, limits))).toBeInstanceOf(LimitExceededError);
  });
  it('limits $search nesting as well', () => {
    const e = thrown(() => parseODataUri('/Products', `$search=${'('.repeat(40)}a${')'.repeat(40)}`));
    expect(e).toBeInstanceOf(LimitExceededError);
  });
});

describe('node count', () => {
  it('parses a long flat or-chain up to the node limit and rejects it beyond', () => {
    const e = thrown(() => parseODataUri('/Products', flatChain()));
    expect(e).toBeInstanceOf(LimitExceededError);
    expect(e.message).toBe('$filter has more than 200 nodes (limit 200)');
  });
  it('parses the same 8 KiB flat chain completely when the node limit allows it', () => {
    const limits: ODataLimits = { ...DEFAULT_LIMITS, maxFilterNodes: 10_000 };
    expect(parseODataUri('/Products', flatChain(), limits).options.filter?.kind).toBe('binary');
  });
  it('accepts exactly maxFilterNodes nodes', () => {
    // a eq 1 is three nodes; n terms joined by or make 4n - 1
    const limits: ODataLimits = { ...DEFAULT_LIMITS, maxFilterNodes: 11 };
    expect(filter('a eq 1 or a eq 2 or a eq 3', limits).kind).toBe('binary');
    expect(thrown(() => filter('a eq 1 or a eq 2 or a eq 3 or a', limits))).toBeInstanceOf(LimitExceededError);
  });
  it('counts $orderby items against one budget', () => {
    const limits: ODataLimits = { ...DEFAULT_LIMITS, maxFilterNodes: 3 };
    expect(thrown(() => options({ $orderby: 'a,b,c,d' }, limits)).message).toBe('$orderby has more than 3 nodes (limit 3)');
  });
  it('charges an alias value at every use', () => {
    const limits: ODataLimits = { ...DEFAULT_LIMITS, maxFilterNodes: 10 };
    expect(thrown(() => options({ $filter: '@a eq @a', '@a': '1 add 2 add 3' }, limits))).toBeInstanceOf(LimitExceededError);
  });
  it('gives each nested $filter its own budget', () => {
    const limits: ODataLimits = { ...DEFAULT_LIMITS, maxFilterNodes: 3 };
    expect(options({ $filter: 'a eq 1', $expand: 'B($filter=b eq 2)' }, limits).expand).toHaveLength(1);
  });
});

describe('$expand depth', () => {
  it('follows maxExpandDepth when configured lower', () => {
    const limits: ODataLimits = { ...DEFAULT_LIMITS, maxExpandDepth: 1 };
    expect(thrown(() => options({ $expand: 'A($expand=B)' }, limits)).message).toBe('$expand is nested more than 1 levels deep (limit 1)');
  });
  it('rejects a very deep $expand chain at the limit', () => {
    const chain = Array.from({ length: 500 }, (_, i) => `N${i}($expand=`).join('') + 'X' + ')'.repeat(500);
    expect(thrown(() => options({ $expand: chain }, { ...DEFAULT_LIMITS, maxUrlLength: 1e6 }))).toBeInstanceOf(LimitExceededError);
  });
});

// Repeatable value flags (`--header A --header B`, used by compat check) beside the single ones.
import { describe, expect, it } from 'vitest';
import { listFlag, parseArgs, stringFlag } from '../../../src/server/cli/parse-args';
import { UsageError } from '../../../src/server/cli/usage-error';

const spec = { header: 'strings', tenant: 'string' } as const;

describe('repeatable CLI flags', () => {
  it('collects every value of a repeatable flag in order, inline or separate', () => {
    const a = parseArgs(['--header', 'X-API-Key: k', '--header=Accept-Language: de', '--tenant', 't'], spec);
    expect(listFlag(a, 'header')).toEqual(['X-API-Key: k', 'Accept-Language: de']);
    expect(stringFlag(a, 'tenant')).toBe('t');
    expect(listFlag(parseArgs([], spec), 'header')).toEqual([]);
  });

  it('still refuses a single-valued flag given twice and a repeatable one without a value', () => {
    expect(() => parseArgs(['--tenant', 'a', '--tenant', 'b'], spec)).toThrow(UsageError);
    expect(() => parseArgs(['--header'], spec)).toThrow(UsageError);
  });
});

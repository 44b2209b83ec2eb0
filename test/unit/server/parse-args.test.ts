import { describe, expect, it } from 'vitest';
import { intFlag, parseArgs } from '../../../src/server/cli/parse-args';
import { UsageError } from '../../../src/server/cli/usage-error';

const spec = { tenant: 'string', json: 'boolean', help: 'boolean', rate: 'string' } as const;

describe('CLI argument parsing', () => {
  it('reads positionals, --flag value, --flag=value and boolean flags', () => {
    const a = parseArgs(['acme', '--tenant', 't1', '--rate=5', '--json'], spec);
    expect(a.positionals).toEqual(['acme']);
    expect(Object.fromEntries(a.flags)).toEqual({ tenant: 't1', rate: '5', json: true });
    expect(intFlag(a, 'rate', 1)).toBe(5);
  });

  it('treats everything after -- as positional and -h as --help', () => {
    const a = parseArgs(['-h', '--', '--json'], spec);
    expect(a.positionals).toEqual(['--json']);
    expect(a.flags.get('help')).toBe(true);
  });

  it.each([
    [['--nope']],
    [['-x']],
    [['--tenant']],
    [['--tenant', '--json']],
    [['--json=yes']],
    [['--tenant', 'a', '--tenant', 'b']],
  ])('rejects %j as a usage error', (argv) => {
    expect(() => parseArgs(argv, spec)).toThrow(UsageError);
  });

  it('rejects a non-integer number flag', () => {
    expect(() => intFlag(parseArgs(['--rate', '1.5'], spec), 'rate')).toThrow(UsageError);
  });
});

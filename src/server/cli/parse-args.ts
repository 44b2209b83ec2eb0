// Hand-rolled argv parsing (no dependency): positionals, `--flag value`, `--flag=value`, boolean
// flags, repeatable flags (`--header A --header B`), `--` to end flags, `-h` for `--help`.
// Anything not declared is a UsageError.
import { UsageError } from './usage-error';

/** `strings`: a value flag that may be given more than once (read it with listFlag) */
export type FlagKind = 'string' | 'boolean' | 'strings';
export type FlagSpec = Readonly<Record<string, FlagKind>>;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
  /** every value of each repeatable (`strings`) flag, in order */
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

function takeValue(name: string, inline: string | undefined, argv: readonly string[], i: number): [string, number] {
  if (inline !== undefined) return [inline, i];
  const next = argv[i + 1];
  if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
  return [next, i + 1];
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`unknown option --${name}`);
    if (flags.has(name) && kind !== 'strings') throw new UsageError(`--${name} given twice`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else {
      const [value, last] = takeValue(name, inline, argv, i);
      flags.set(name, value);
      if (kind === 'strings') lists.set(name, [...(lists.get(name) ?? []), value]);
      i = last;
    }
  }
  return { positionals, flags, lists };
}

/** A string flag's value, or undefined when absent. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a repeatable flag (empty when absent). */
export function listFlag(args: ParsedArgs, name: string): readonly string[] {
  return args.lists.get(name) ?? [];
}

export function requiredFlag(args: ParsedArgs, name: string): string {
  const v = stringFlag(args, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

/** A non-negative integer flag (digits only), or `fallback` when absent. */
export function intFlag(args: ParsedArgs, name: string, fallback: number): number;
export function intFlag(args: ParsedArgs, name: string, fallback?: number): number | undefined;
export function intFlag(args: ParsedArgs, name: string, fallback?: number): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return fallback;
  if (!/^\d{1,15}$/.test(v)) throw new UsageError(`--${name} must be a non-negative integer (got ${JSON.stringify(v)})`);
  return Number(v);
}

/** An ISO 8601 date or time flag (`--from`, `--to`). */
export function dateFlag(args: ParsedArgs, name: string): Date | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--${name} must be an ISO 8601 date or time`);
  return d;
}

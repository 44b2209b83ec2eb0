// The shape every CLI command has; adding a command = one file exporting a Command plus one line
// in commands.ts.
import type { Config } from '../config';
import type { FlagSpec, ParsedArgs } from './parse-args';
import type { Output } from './output';

export interface CommandContext {
  readonly args: ParsedArgs;
  readonly config: Config;
  readonly out: Output;
}

export interface Command {
  /** the words that select it: ['account', 'create'] */
  readonly words: readonly string[];
  /** synopsis after the words, e.g. '--tenant T [--name N]' */
  readonly synopsis: string;
  readonly summary: string;
  /** command-specific flags (--json and --help are always accepted) */
  readonly flags: FlagSpec;
  /** how many positional arguments it takes */
  readonly positionals: { readonly min: number; readonly max: number; readonly names?: string };
  /** resolves to the exit code when not 0 (e.g. `audit verify` finding a broken chain) */
  run(ctx: CommandContext): Promise<void | number>;
}

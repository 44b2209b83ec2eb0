#!/usr/bin/env node
// `b2x-gateway` entry point (contract.md "Command line"): resolve the command, parse its flags,
// load the configuration, run it. Exit codes: 0 ok, 1 failure, 2 usage error.
import { loadConfig } from './config';
import { COMMANDS, commandUsage, globalUsage, resolveCommand } from './cli/commands';
import type { Command } from './cli/command';
import { createOutput } from './cli/output';
import { parseArgs, type ParsedArgs } from './cli/parse-args';
import { reportError } from './cli/report-error';
import { UsageError } from './cli/usage-error';

const GLOBAL_FLAGS = { json: 'boolean', help: 'boolean' } as const;

function checkPositionals(command: Command, args: ParsedArgs): void {
  const { min, max, names } = command.positionals;
  const n = args.positionals.length;
  if (n < min) throw new UsageError(`${command.words.join(' ')} needs ${names ?? `${min} argument(s)`}`);
  if (n > max) throw new UsageError(`unexpected argument '${args.positionals[max] ?? ''}'`);
}

/** Runs the CLI; resolves to the exit code (serve/demo resolve once listening). */
export async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  const words = argv[0] === '--json' ? argv.slice(1) : argv; // `b2x-gateway --json migrate` works too
  try {
    if (words.length === 0) {
      process.stderr.write(`${globalUsage()}\n`);
      return 2;
    }
    if (words[0] === '--help' || words[0] === '-h' || words[0] === 'help') {
      process.stdout.write(json ? `${JSON.stringify({ commands: COMMANDS.map((c) => c.words.join(' ')) })}\n` : `${globalUsage()}\n`);
      return 0;
    }
    const { command, rest } = resolveCommand(words);
    const args = parseArgs(rest, { ...command.flags, ...GLOBAL_FLAGS });
    if (args.flags.has('help')) {
      process.stdout.write(json ? `${JSON.stringify({ usage: commandUsage(command) })}\n` : `${commandUsage(command)}\n`);
      return 0;
    }
    checkPositionals(command, args);
    const code = await command.run({ args, config: loadConfig(process.env), out: createOutput(json) });
    return typeof code === 'number' ? code : 0;
  } catch (err) {
    return reportError(err, json);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

// Reads a secret for a command from a file or from stdin — never from argv, where it would land in
// shell history and `ps`. One trailing line break (as editors and `echo` add) is dropped.
import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error';

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--value-file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export async function readSecretValue(source: { file?: string; stdin: boolean }, stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if ((source.file !== undefined) === source.stdin) throw new UsageError('give exactly one of --value-file FILE or --value-stdin');
  const raw = source.file !== undefined ? readFile(source.file) : await readStdin(stdin);
  return raw.replace(/\r?\n$/, '');
}

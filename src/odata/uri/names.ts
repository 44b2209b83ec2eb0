// Reading identifiers and qualified names at a cursor, with the 128-character limit of the ABNF
// odataIdentifier rule enforced per name part.
import type { Cursor } from './cursor';
import { MAX_IDENTIFIER_LENGTH, QUALIFIED_NAME } from './lexical';

/** Reads `Name` or `Namespace.Name` at the cursor; undefined (nothing consumed) when none starts here. */
export function readName(cur: Cursor): string | undefined {
  const name = cur.match(QUALIFIED_NAME);
  if (name === undefined) return undefined;
  for (const part of name.split('.')) {
    if (part.length > MAX_IDENTIFIER_LENGTH) cur.fail(`the name '${part.slice(0, 20)}…' is longer than ${MAX_IDENTIFIER_LENGTH} characters`);
  }
  cur.pos += name.length;
  return name;
}

export function isLambdaOperator(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'any' || lower === 'all';
}

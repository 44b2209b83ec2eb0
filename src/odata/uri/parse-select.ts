// $select (URL Conventions §5.1.3, ABNF select): '*' or property paths such as Address/City.
// Qualified segments (type casts) are kept for the binder to reject or resolve; operations
// (Namespace.*, functions with signatures) and nested select options are not supported.
import { NotImplementedError } from '../../errors/catalogue';
import type { SelectItem } from './ast';
import type { Cursor } from './cursor';
import { readName } from './names';

function unsupported(cur: Cursor, what: string, at: number): never {
  throw new NotImplementedError(`${cur.label}: ${what} (at position ${cur.abs(at)}) is not supported.`);
}

function parseSelectItem(cur: Cursor): SelectItem {
  const start = cur.pos;
  if (cur.eat('*')) return { kind: 'star' };
  const path: string[] = [];
  do {
    if (cur.peek() === '@') unsupported(cur, 'selecting annotations', cur.pos);
    const name = readName(cur) ?? cur.fail(`expected a property name or '*' but found ${cur.found()}`);
    if (cur.text.startsWith('.*', cur.pos)) unsupported(cur, `selecting all operations of schema ${name}`, start);
    path.push(name);
  } while (cur.eat('/'));
  if (cur.peek() === '(') unsupported(cur, 'options or a function signature after a $select item', cur.pos);
  return { kind: 'path', path };
}

/** Parses items until a character that cannot continue them; the caller checks what follows. */
export function parseSelectItems(cur: Cursor): SelectItem[] {
  const items: SelectItem[] = [];
  do items.push(parseSelectItem(cur));
  while (cur.eat(','));
  return items;
}

// Finds where one nested option value ends inside `(…;…)` without parsing it: at the ';' or ')'
// on its own bracket level, stepping over '…' and "…" literals. That lets a group read all of its
// @aliases before parsing the options that use them (URL Conventions §5.1.2 nested options).
import type { Cursor } from './cursor';
import { readJsonString } from './json-string';
import { readQuoted } from './quoted-text';

const OPENERS = '([{';
const CLOSERS = ')]}';

/** Advances the cursor to the ';' or ')' that ends the value (or to the end of the text). */
export function skipOptionValue(cur: Cursor): void {
  const stack: string[] = [];
  for (;;) {
    const c = cur.peek();
    if (c === '') return;
    if (c === "'") {
      readQuoted(cur);
      continue;
    }
    if (c === '"') {
      readJsonString(cur);
      continue;
    }
    if (OPENERS.includes(c)) stack.push(CLOSERS.charAt(OPENERS.indexOf(c)));
    else if (CLOSERS.includes(c)) {
      if (stack.length === 0 && c === ')') return;
      if (stack.pop() !== c) cur.fail(`unbalanced ${cur.found()}`);
    } else if (c === ';' && stack.length === 0) return;
    cur.pos++;
  }
}

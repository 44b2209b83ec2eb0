// Single-quoted text as used by OData string, enum and duration literals (ABNF stringLiteral):
// two consecutive quotes stand for one. Scans with indexOf, so cost is linear in the literal.
import type { Cursor } from './cursor';

/** Reads '…' at the cursor (which must be on the opening quote) and returns the unescaped content. */
export function readQuoted(cur: Cursor): string {
  const open = cur.pos;
  let out = '';
  let from = open + 1;
  for (;;) {
    const q = cur.text.indexOf("'", from);
    if (q < 0) cur.fail("unterminated string literal: missing the closing single quote (write '' for a quote inside the string)", open);
    out += cur.text.slice(from, q);
    if (cur.text.charAt(q + 1) === "'") {
      out += "'";
      from = q + 2;
      continue;
    }
    cur.pos = q + 1;
    return out;
  }
}

// A JSON string ("…" with backslash escapes, RFC 8259 §7) inside a URL, as OData 4.01 allows in
// array literals after `in` (URL Conventions §5.1.1.14.2, ABNF stringInUrl).
import type { Cursor } from './cursor';

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function readEscape(cur: Cursor): string {
  const c = cur.peek(1);
  const simple = ESCAPES[c];
  if (simple !== undefined) {
    cur.pos += 2;
    return simple;
  }
  const hex = c === 'u' ? cur.text.slice(cur.pos + 2, cur.pos + 6) : '';
  if (!/^[0-9A-Fa-f]{4}$/.test(hex)) cur.fail('invalid escape sequence in a JSON string (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)');
  cur.pos += 6;
  return String.fromCharCode(parseInt(hex, 16));
}

/** Reads "…" at the cursor (on the opening double quote) and returns the unescaped content. */
export function readJsonString(cur: Cursor): string {
  const open = cur.pos;
  cur.pos++;
  let out = '';
  for (;;) {
    const c = cur.peek();
    if (c === '') cur.fail('unterminated JSON string: missing the closing double quote', open);
    if (c === '"') {
      cur.pos++;
      return out;
    }
    if (c === '\\') {
      out += readEscape(cur);
      continue;
    }
    out += c;
    cur.pos++;
  }
}

// Percent-decoding of one URL component (RFC 3986 §2.1) into text. Callers split on the raw
// delimiters first ('/', '&', '='), so an encoded delimiter (%2F, %26, %3D) always stays data.
import { ODataSyntaxError } from '../../errors/catalogue';

export interface Decoded {
  readonly text: string;
  /** true when text[i] came from a %XX escape: $search words keep an encoded ';' (OData ABNF searchWord) */
  readonly escaped: (i: number) => boolean;
}

const NEVER_ESCAPED = (): boolean => false;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** Decodes a run of %XX escapes starting at `i`; returns the text and the index after the run. */
function decodeRun(raw: string, i: number, label: string): { text: string; next: number } {
  const bytes: number[] = [];
  let ascii = true;
  let j = i;
  while (raw.charCodeAt(j) === 0x25) {
    const hi = hexDigit(raw.charCodeAt(j + 1));
    const lo = hexDigit(raw.charCodeAt(j + 2));
    if (hi < 0 || lo < 0) throw new ODataSyntaxError(`'%' in ${label} must be followed by two hexadecimal digits`, j);
    const b = hi * 16 + lo;
    ascii &&= b < 0x80;
    bytes.push(b);
    j += 3;
  }
  // short ASCII runs (%20, %27 …) are by far the most common: no UTF-8 decoder needed
  // (long runs go through the decoder, so the spread below stays far from the argument limit)
  if (ascii && bytes.length <= 64) return { text: String.fromCharCode(...bytes), next: j };
  try {
    return { text: UTF8.decode(Uint8Array.from(bytes)), next: j };
  } catch {
    throw new ODataSyntaxError(`the percent-encoded bytes in ${label} are not valid UTF-8`, i);
  }
}

/** Decodes `raw`; `label` names the component in error messages (positions are in the raw text). */
export function percentDecode(raw: string, label: string): Decoded {
  if (!raw.includes('%')) return { text: raw, escaped: NEVER_ESCAPED };
  let text = '';
  const ranges: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const p = raw.indexOf('%', i);
    if (p < 0) {
      text += raw.slice(i);
      break;
    }
    text += raw.slice(i, p);
    const run = decodeRun(raw, p, label);
    ranges.push(text.length, text.length + run.text.length);
    text += run.text;
    i = run.next;
  }
  const mask = new Uint8Array(text.length);
  for (let r = 0; r + 1 < ranges.length; r += 2) mask.fill(1, ranges[r], ranges[r + 1]);
  return { text, escaped: (at) => mask[at] === 1 };
}

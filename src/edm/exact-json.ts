// Request bodies are parsed here rather than with JSON.parse so that numbers keep their exact
// text: a Decimal(18,4) sent as a bare JSON number must never pass through a binary float
// (model.md). Strict RFC 8259; duplicate member names are rejected (OData JSON Format §4.1).
import { ODataSyntaxError } from '../errors/catalogue';

/** A JSON number as written, e.g. `12345678901234.5678`; converted by the input schema only. */
export class JsonNumber {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

export type JsonValue = null | boolean | string | JsonNumber | readonly JsonValue[] | { readonly [name: string]: JsonValue };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORDS: ReadonlyArray<readonly [string, JsonValue]> = [['true', true], ['false', false], ['null', null]];
/** Nesting beyond this is no entity payload; refusing it keeps recursion bounded. */
export const MAX_JSON_DEPTH = 64;

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(what: string): never {
    throw new ODataSyntaxError(`The request body is not valid JSON: ${what}`, this.pos);
  }

  failAt(pos: number, what: string): never {
    this.pos = pos;
    return this.fail(what);
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  /** A string token, scanned by hand (linear on 10 MiB) and decoded by JSON.parse. */
  string(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= t.length) this.fail('unterminated string');
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) this.failAt(i, 'control character in string');
      i += c === 0x5c ? 2 : 1;
    }
    this.pos = i + 1;
    try {
      return JSON.parse(t.slice(start, i + 1)) as string;
    } catch {
      return this.failAt(start, 'invalid escape in string');
    }
  }

  number(): JsonNumber {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m || m[0] === '-') this.fail('unexpected character');
    this.pos += m[0].length;
    return new JsonNumber(m[0]);
  }

  value(depth: number): JsonValue {
    if (depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    for (const [word, v] of WORDS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    if (c === undefined) this.fail('unexpected end');
    return this.number();
  }

  array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.pos];
      if (c !== ',' && c !== ']') this.fail("expected ',' or ']'");
      this.pos++;
      if (c === ']') return out;
    }
  }

  object(depth: number): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expected a member name');
      const at = this.pos;
      const name = this.string();
      if (Object.prototype.hasOwnProperty.call(out, name)) this.failAt(at, `duplicate member '${name}'`);
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail("expected ':'");
      this.pos++;
      // defineProperty: a member named __proto__ stays data, never a prototype
      Object.defineProperty(out, name, { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const c = this.text[this.pos];
      if (c !== ',' && c !== '}') this.fail("expected ',' or '}'");
      this.pos++;
      if (c === '}') return out;
    }
  }
}

/** Parses JSON text; numbers become JsonNumber. Throws ODataSyntaxError (400) with the position. */
export function parseExactJson(text: string): JsonValue {
  const r = new Reader(text);
  const value = r.value(0);
  r.skipSpace();
  if (r.pos !== text.length) r.fail('unexpected content after the value');
  return value;
}

/** True for a JSON object (not an array, number or null). */
export function isJsonObject(v: unknown): v is { readonly [name: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

// A position over one decoded option value (or path segment) shared by every sub-parser, so each
// error names the offset where the input stopped making sense (ast.ts: `pos` is that offset).
import { ODataSyntaxError } from '../../errors/catalogue';

export class Cursor {
  pos = 0;

  /**
   * `label` names the option or path segment in messages and as the error target; `base` is added
   * to every reported position, so a slice of a larger value reports offsets in that value.
   */
  constructor(
    readonly text: string,
    readonly label: string,
    readonly base = 0,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** absolute position (in the whole option value) of `at`, default the current one */
  abs(at = this.pos): number {
    return this.base + at;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  eat(ch: string): boolean {
    if (this.text.startsWith(ch, this.pos)) {
      this.pos += ch.length;
      return true;
    }
    return false;
  }

  expect(ch: string, what: string): void {
    if (!this.eat(ch)) this.fail(`expected ${what} but found ${this.found()}`);
  }

  /** Skips SP and HTAB (OData ABNF BWS/RWS after percent-decoding) and returns how many were skipped. */
  skipSpaces(): number {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09) break;
      this.pos++;
    }
    return this.pos - start;
  }

  /** Runs a sticky regular expression at the current position without consuming input. */
  match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    return m ? m[0] : undefined;
  }

  /** A short description of what is at `at`, for "expected … but found …" messages. */
  found(at = this.pos): string {
    if (at >= this.text.length) return 'the end of the value';
    const snippet = this.text.slice(at, at + 12);
    return `'${snippet}${at + 12 < this.text.length ? '…' : ''}'`;
  }

  fail(message: string, at = this.pos): never {
    throw new ODataSyntaxError(`${this.label}: ${message}`, this.abs(at), { target: this.label });
  }
}

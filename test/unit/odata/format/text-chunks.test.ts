// TextChunks: the text comes out whole and in order, in chunks closed at CHUNK_CHARS, pieces never split.
import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, TextChunks, textLength, textString } from '../../../../src/odata/format/text-chunks';

const piecesOf = (n: number, size: number): string[] => Array.from({ length: n }, (_, i) => `${String(i % 10).repeat(size - 2)}😀`);

describe('TextChunks', () => {
  it('keeps a text below one chunk as one string', () => {
    const out = new TextChunks();
    out.add('{"a":');
    out.add('1}');
    expect(out.text()).toBe('{"a":1}');
  });

  it('returns the empty string for no text', () => {
    expect(new TextChunks().text()).toBe('');
  });

  it('closes a chunk once it reaches CHUNK_CHARS and keeps every piece whole', () => {
    const pieces = piecesOf(1000, 100);
    const out = new TextChunks();
    for (const p of pieces) out.add(p);
    const text = out.text();
    expect(Array.isArray(text)).toBe(true);
    const chunks = text as readonly string[];
    expect(chunks.join('')).toBe(pieces.join(''));
    for (const c of chunks.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(CHUNK_CHARS);
      expect(c.length).toBeLessThan(CHUNK_CHARS + 100);
    }
    // a piece ends in a surrogate pair: no chunk starts or ends inside one
    for (const c of chunks) {
      expect(c.charCodeAt(0) >= 0xdc00 && c.charCodeAt(0) <= 0xdfff).toBe(false);
      expect(c.endsWith('😀')).toBe(true);
    }
  });

  it('appends another text chunk by chunk', () => {
    const inner = new TextChunks();
    for (const p of piecesOf(700, 100)) inner.add(p);
    const out = new TextChunks();
    out.add('[');
    out.addText(inner.text());
    out.addText(']');
    expect(textString(out.text())).toBe(`[${textString(inner.text())}]`);
    expect(textLength(out.text())).toBe(70_002);
  });
});

// A tiny XML element tree and its serializer, so the CSDL XML writer builds data instead of
// concatenating strings, and every attribute value goes through the same escaping.

export type XmlAttrValue = string | number | boolean | undefined;

export interface XmlElement {
  readonly name: string;
  /** attributes in output order; undefined values are left out */
  readonly attrs: ReadonlyArray<readonly [string, XmlAttrValue]>;
  readonly children: readonly XmlElement[];
  /** character content (only for leaf elements such as PropertyPath) */
  readonly text?: string;
}

export function el(name: string, attrs: XmlElement['attrs'] = [], children: readonly XmlElement[] = []): XmlElement {
  return { name, attrs, children };
}

export const textEl = (name: string, text: string): XmlElement => ({ name, attrs: [], children: [], text });

// Whitespace characters are written as references too: a literal newline or tab in an
// attribute would be normalized to a space by every XML parser (XML 1.0 §3.3.3).
const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#xA;', '\r': '&#xD;', '\t': '&#x9;',
};

export const escapeAttr = (value: string): string => value.replace(/[&<>"'\n\r\t]/g, (c) => ATTR_ESCAPES[c] ?? c);
export const escapeText = (value: string): string =>
  value.replace(/[&<>]/g, (c) => ATTR_ESCAPES[c] ?? c);

function attrsText(attrs: XmlElement['attrs']): string {
  return attrs
    .filter((a): a is readonly [string, string | number | boolean] => a[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
}

/** Serializes with two-space indentation and one element per line; deterministic. */
export function serializeXml(root: XmlElement, depth = 0): string {
  const pad = '  '.repeat(depth);
  const open = `${pad}<${root.name}${attrsText(root.attrs)}`;
  if (root.text !== undefined) return `${open}>${escapeText(root.text)}</${root.name}>\n`;
  if (root.children.length === 0) return `${open} />\n`;
  const inner = root.children.map((c) => serializeXml(c, depth + 1)).join('');
  return `${open}>\n${inner}${pad}</${root.name}>\n`;
}

// A deliberately small XML reader for tests (no XML parser is installed): elements, attributes,
// character data and the five predefined / numeric entity references. It throws on anything it
// does not understand (comments, CDATA, DTDs, mismatched tags) instead of guessing.

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const ch = NAMED[ref];
    if (ch === undefined) throw new Error(`xml-tree: unknown entity &${ref};`);
    return ch;
  });
}

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of src.matchAll(/\s+([\w:.-]+)="([^"<]*)"/g)) {
    const [, name = '', value = ''] = m;
    if (name in attrs) throw new Error(`xml-tree: duplicate attribute ${name}`);
    attrs[name] = decodeEntities(value);
  }
  return attrs;
}

const TOKEN = /<\?xml[^?]*\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;

/** Parses one document and returns its root element. */
export function parseXml(src: string): XmlNode {
  const stack: XmlNode[] = [{ name: '#document', attrs: {}, children: [], text: '' }];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`xml-tree: cannot read at offset ${at}: ${src.slice(at, at + 40)}`);
    const [, closing, name, attrSrc = '', selfClosing, text] = m;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) top.text += decodeEntities(text);
    else if (name === undefined) continue; // the XML declaration
    else if (closing) {
      if (top.name !== name) throw new Error(`xml-tree: </${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node: XmlNode = { name, attrs: parseAttrs(attrSrc), children: [], text: '' };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  const doc = stack[0]!;
  if (stack.length !== 1 || doc.children.length !== 1) throw new Error('xml-tree: not exactly one closed root element');
  return doc.children[0]!;
}

/** All descendants (depth first, document order) with the given element name. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}

/** The single child with `name` whose `Name` attribute is `value`; throws if absent. */
export function childNamed(node: XmlNode, name: string, value: string): XmlNode {
  const found = node.children.find((c) => c.name === name && c.attrs.Name === value);
  if (!found) throw new Error(`xml-tree: no <${name} Name="${value}"> under <${node.name}>`);
  return found;
}

// A namespace-free element tree: what parse-csdl.ts hands to the normaliser, so nothing past the
// parser depends on fast-xml-parser's output shape.

export interface XmlNode {
  /** local name, prefix removed (`edmx:Edmx` → `Edmx`) */
  readonly name: string;
  /** attributes by local name (`m:IsDefaultEntityContainer` → `IsDefaultEntityContainer`) */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** concatenated, trimmed character content */
  readonly text: string;
}

export const childrenNamed = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);

export const firstChild = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);

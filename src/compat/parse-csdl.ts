// Lenient CSDL XML reading: any well-formed EDMX as EdmLib 7 / RESTier writes it (BOM, `m:`
// attributes, comments, prefixes) becomes an XmlNode tree of its Schema elements and references.
// Schema validity is NOT required — real legacy documents are rarely valid against the XSD.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LegacyMetadataError } from './legacy-metadata-error';
import { childrenNamed, firstChild, type XmlNode } from './xml-node';

export interface CsdlDocument {
  /** edmx:Edmx Version, e.g. `4.0` */
  readonly version: string;
  readonly schemas: readonly XmlNode[];
  /** edmx:Reference/edmx:Include elements: Namespace and Alias of referenced vocabularies */
  readonly includes: readonly XmlNode[];
}

// preserveOrder gives one predictable shape for every element (array of children, attributes in
// ':@'), whether an element occurs once or many times.
const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Ordered = Record<string, unknown>;

function toNode(item: Ordered): XmlNode | undefined {
  const name = Object.keys(item).find((k) => k !== ':@');
  if (name === undefined || name === '#text') return undefined;
  const raw = (item[':@'] ?? {}) as Record<string, unknown>;
  const attrs = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
  const content = (Array.isArray(item[name]) ? item[name] : []) as Ordered[];
  const children = content.map(toNode).filter((n): n is XmlNode => n !== undefined);
  const text = content.map((c) => (c['#text'] === undefined ? '' : String(c['#text']))).join('').trim();
  return { name, attrs, children, text };
}

function parseTree(xml: string, label: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new LegacyMetadataError(`${label} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const roots = (PARSER.parse(xml) as Ordered[]).map(toNode).filter((n): n is XmlNode => n !== undefined);
  const root = roots[0];
  if (root === undefined) throw new LegacyMetadataError(`${label} contains no XML element`);
  return root;
}

/** Parses CSDL XML text; `label` names the source in error messages. */
export function parseCsdl(text: string, label: string): CsdlDocument {
  const xml = text.replace(/^\uFEFF/, '').trim();
  if (xml.startsWith('{')) throw new LegacyMetadataError(`${label} looks like CSDL JSON; give the XML $metadata`);
  const root = parseTree(xml, label);
  if (root.name !== 'Edmx') throw new LegacyMetadataError(`${label} is not a CSDL XML document (root element <${root.name}>, expected <edmx:Edmx>)`);
  // CSDL 1.0–3.0 (OData v2/v3) models relationships as Associations; the comparison is for OData 4.
  if (/^[123]\./.test(root.attrs.Version ?? '')) throw new LegacyMetadataError(`${label} is an OData v2/v3 document (EDMX Version ${root.attrs.Version}); compat check reads OData 4 CSDL`);
  const services = firstChild(root, 'DataServices');
  const schemas = services ? childrenNamed(services, 'Schema') : [];
  if (schemas.length === 0) throw new LegacyMetadataError(`${label} has no edmx:DataServices/Schema element`);
  const includes = childrenNamed(root, 'Reference').flatMap((r) => childrenNamed(r, 'Include'));
  return { version: root.attrs.Version ?? '', schemas, includes };
}

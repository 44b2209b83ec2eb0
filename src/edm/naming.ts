// The Naming of the /odata surface (issue #5): the public model of the operator's name mapping,
// its pre-rendered $metadata, the canonical↔public lookup tables the URL and payload rewriters use
// and the names the serializer writes. Built once at start-up; internally everything stays canonical.
import { MODEL, complexType, entityType, property, type EdmModel } from '../../metadata';
import { CANONICAL_NAMES, mappedNames, type ServedNames } from '../odata/format/served-names';
import { buildNameTables, publicMember, publicQualified, type NameTables } from '../odata/naming/name-tables';
import { METADATA_JSON, METADATA_XML, renderMetadataDocuments, type PreRenderedDocument } from './metadata-documents';
import { IDENTITY_MAPPING, isIdentityMapping, type NameMapping } from './name-mapping';
import { publicModel } from './public-model';

export interface Naming {
  /** true: the public names are the canonical ones; the request path skips every rewrite */
  readonly identity: boolean;
  /** the model as served: $metadata and the service document are rendered from it */
  readonly model: EdmModel;
  readonly metadataXml: PreRenderedDocument;
  readonly metadataJson: PreRenderedDocument;
  readonly tables: NameTables;
  /** what the serializer writes: set, type, property and navigation names */
  readonly served: ServedNames;
}

function complexOf(type: string, prop: string): string | undefined {
  const t = entityType(type);
  const p = t ? property(t, prop) : undefined;
  return p?.kind === 'complex' && complexType(p.type) ? p.type : undefined;
}

/** The Naming of `mapping` (validated by parseNameMapping / loadNameMapping). */
export function createNaming(mapping: NameMapping): Naming {
  const model = publicModel(mapping);
  const tables = buildNameTables(MODEL, model);
  if (isIdentityMapping(mapping)) {
    return { identity: true, model: MODEL, metadataXml: METADATA_XML, metadataJson: METADATA_JSON, tables, served: CANONICAL_NAMES };
  }
  const docs = renderMetadataDocuments(model);
  const served = mappedNames(
    { qualified: (type) => publicQualified(tables, type), member: (type, name) => publicMember(tables, type, name) },
    (set) => tables.sets.toPublic.get(set) ?? set,
    complexOf,
  );
  return { identity: false, model, metadataXml: docs.xml, metadataJson: docs.json, tables, served };
}

/** The canonical names: what a gateway without a mapping file serves. */
export const CANONICAL_NAMING: Naming = createNaming(IDENTITY_MAPPING);

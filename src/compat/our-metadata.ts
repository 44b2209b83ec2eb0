// "Ours" for the compatibility check: exactly the CSDL XML GET /odata/$metadata serves, i.e. the
// public model under the operator's name mapping (ODATA_NAME_MAPPING_FILE, as `serve` loads it).
// The one place that knows where that document comes from.
import { defaultNameMappingFile, loadNameMapping } from '../edm/load-name-mapping';
import { createNaming } from '../edm/naming';

/** The CSDL XML our /odata/$metadata serves under the name mapping in `nameMappingFile`. */
export function ourMetadataXml(nameMappingFile: string = defaultNameMappingFile()): string {
  return createNaming(loadNameMapping(nameMappingFile)).metadataXml.body.toString('utf8');
}

// Reads the operator-editable name mapping at start-up (issue #5). JSON has no comments, so the
// format is documented here. Keys are OUR canonical names, values the PUBLIC names /odata speaks:
//   namespace   string | null   schema namespace (null: B2X.Erp)
//   container   string | null   entity container (null: Container)
//   entitySets  { "<set>": "<public set>" }                          e.g. { "Customers": "Kunden" }
//   types       { "<entity|complex|enum type>": "<public type>" }    e.g. { "Customer": "Kunde" }
//   properties  { "<entity|complex type>": { "<property|navigation>": "<public name>" } }
// Absent keys and absent names keep the canonical name. Public names must be OData identifiers
// and unique in their scope; unknown canonical names are refused. Any problem → one ConfigError line.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error';
import { parseNameMapping, type NameMapping } from './name-mapping';

/** The package root (the folder with package.json), found from src/ under tsx and from dist/ alike. */
function packageRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** ODATA_NAME_MAPPING_FILE's default: metadata/name-mapping.json of this package. */
export const defaultNameMappingFile = (): string => join(packageRoot(), 'metadata', 'name-mapping.json');

/** Reads and validates `file`; throws ConfigError `<file>: <problem>`. */
export function loadNameMapping(file: string): NameMapping {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`ODATA_NAME_MAPPING_FILE ${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`ODATA_NAME_MAPPING_FILE ${path}: is not valid JSON (${(err as Error).message})`);
  }
  try {
    return parseNameMapping(raw);
  } catch (err) {
    throw new ConfigError(`ODATA_NAME_MAPPING_FILE ${path}: ${(err as Error).message}`);
  }
}

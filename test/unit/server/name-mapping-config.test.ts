// ODATA_NAME_MAPPING_FILE (issue #5): defaults to the package's metadata/name-mapping.json, takes
// an existing file, and refuses a path that does not exist with one line naming the variable.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/server/config';

describe('ODATA_NAME_MAPPING_FILE', () => {
  it('defaults to metadata/name-mapping.json of the package', () => {
    expect(loadConfig({}).odataNameMappingFile).toBe(join(__dirname, '..', '..', '..', 'metadata', 'name-mapping.json'));
  });

  it('takes an existing file', () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'name-mapping', 'legacy-names.json');
    expect(loadConfig({ ODATA_NAME_MAPPING_FILE: file }).odataNameMappingFile).toBe(file);
  });

  it('refuses a file that does not exist', () => {
    expect(() => loadConfig({ ODATA_NAME_MAPPING_FILE: '/nonexistent/names.json' })).toThrow(ConfigError);
    expect(() => loadConfig({ ODATA_NAME_MAPPING_FILE: '/nonexistent/names.json' })).toThrow(/^ODATA_NAME_MAPPING_FILE must name an existing JSON file/);
  });
});

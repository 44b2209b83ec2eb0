// $metadata (CSDL JSON) must validate against the OASIS csdl.schema.json (JSON Schema draft-07).
// Its patterns use \p{L}-style escapes, so ajv must compile them with the `u` flag (unicodeRegExp).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { METADATA_JSON } from '../../src/edm/metadata-documents';
import { renderCsdlJson } from '../../src/edm/csdl-json';
import { conformanceFile } from './shared-dir';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

// strict: false because the OASIS schema uses keywords ajv's strict mode rejects (e.g. `examples`
// next to `$ref`); validation itself is unaffected.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
const validate = ajv.compile(readJson(conformanceFile('schemas', 'csdl.schema.json')) as object);

const errorsOf = (doc: unknown): string => (validate(doc) ? '' : ajv.errorsText(validate.errors, { separator: '\n' }));

describe('CSDL JSON $metadata against the OASIS JSON schema', () => {
  it('the served $metadata bytes are schema-valid', () => {
    expect(errorsOf(JSON.parse(METADATA_JSON.body.toString('utf8')))).toBe('');
  });

  it('accepts the valid OASIS examples (the harness has no false alarms)', () => {
    for (const name of ['csdl-16.1.json', 'csdl-16.2.json', 'miscellaneous2.json']) {
      expect(errorsOf(readJson(conformanceFile('oasis-examples', name))), name).toBe('');
    }
  });

  it('rejects a document that breaks the schema (the harness is not a no-op)', () => {
    const broken = structuredClone(renderCsdlJson()) as Record<string, any>;
    broken.$Version = '5.0';
    broken['B2X.Erp'].Customer.Contacts.$Type = 'Collection(B2X.Erp.Contact)';
    const errors = errorsOf(broken);
    expect(errors).toContain('$Version');
    expect(errors).toContain('pattern');
  });
});

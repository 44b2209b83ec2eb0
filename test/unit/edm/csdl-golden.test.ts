// $metadata baselines (RESTier Baselines/ idea): any change to the rendered CSDL shows up as a
// reviewable diff of test/golden/metadata.{xml,json}. UPDATE_GOLDEN=1 rewrites them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METADATA_JSON, METADATA_XML } from '../../../src/edm/metadata-documents';

const GOLDEN_DIR = resolve(__dirname, '../../golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(fileName: string, actual: Buffer): void {
  const file = resolve(GOLDEN_DIR, fileName);
  if (UPDATE) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`missing baseline ${file}: run with UPDATE_GOLDEN=1 and review the file`);
  expect(actual.toString('utf8')).toBe(readFileSync(file, 'utf8'));
}

describe('$metadata golden baselines', () => {
  it('CSDL XML matches test/golden/metadata.xml', () => expectGolden('metadata.xml', METADATA_XML.body));
  it('CSDL JSON matches test/golden/metadata.json', () => expectGolden('metadata.json', METADATA_JSON.body));
});

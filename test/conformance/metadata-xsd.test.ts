// $metadata (CSDL XML) must validate against the OASIS edmx.xsd/edm.xsd, checked with xmllint.
// Without xmllint the suite skips locally but fails in CI (CI or REQUIRE_PG=1): a silent skip
// there would let an invalid $metadata ship.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCsdlXml } from '../../src/edm/csdl-xml';
import { METADATA_XML } from '../../src/edm/metadata-documents';
import { MODEL } from '../../metadata';
import type { EdmModel } from '../../metadata';
import { conformanceFile } from './shared-dir';

const XMLLINT_AVAILABLE = spawnSync('xmllint', ['--version']).status === 0;
const XMLLINT_REQUIRED = Boolean(process.env.CI) || process.env.REQUIRE_PG === '1';
const runIt = XMLLINT_AVAILABLE || XMLLINT_REQUIRED ? it : it.skip;

const workDir = mkdtempSync(join(tmpdir(), 'b2x-csdl-xsd-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function xsdValidate(file: string): { ok: boolean; output: string } {
  if (!XMLLINT_AVAILABLE) {
    throw new Error('xmllint is not installed but XSD validation is required here: apt-get install -y libxml2-utils');
  }
  const xsd = conformanceFile('schemas', 'edmx.xsd');
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function validateText(name: string, xml: string | Buffer): { ok: boolean; output: string } {
  const file = join(workDir, name);
  writeFileSync(file, xml);
  return xsdValidate(file);
}

describe('CSDL XML $metadata against the OASIS XML schema', () => {
  if (!XMLLINT_AVAILABLE && !XMLLINT_REQUIRED) console.warn('xmllint not found: XSD conformance tests skipped (apt-get install -y libxml2-utils)');

  runIt('the served $metadata bytes are schema-valid', () => {
    const r = validateText('metadata.xml', METADATA_XML.body);
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
  });

  runIt('stays valid when a default value needs XML escaping', () => {
    const tricky = 'Müller & "Söhne" <GmbH>\n\'x\'';
    const model: EdmModel = {
      ...MODEL,
      complexTypes: MODEL.complexTypes.map((t) => ({
        ...t,
        properties: t.properties.map((p) => (p.name === 'City' ? { ...p, defaultValue: tricky } : p)),
      })),
    };
    expect(validateText('escaped.xml', renderCsdlXml(model)).ok).toBe(true);
  });

  runIt('accepts the valid OASIS examples (the harness has no false alarms)', () => {
    for (const name of ['csdl-16.1.xml', 'csdl-16.2.xml', 'miscellaneous2.xml']) {
      expect(xsdValidate(conformanceFile('oasis-examples', name)).ok, name).toBe(true);
    }
  });

  runIt('rejects every OASIS counterexample (the harness is not a no-op)', () => {
    const dir = conformanceFile('oasis-examples', 'counterexamples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const r = xsdValidate(join(dir, name));
      expect(r.ok, `${name} should fail XSD validation`).toBe(false);
      expect(r.output).toMatch(/fails to validate|Schemas validity error/);
    }
  });
});

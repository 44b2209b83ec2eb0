// $metadata under an operator's name mapping (issue #5) must stay a valid CSDL document: the XML
// against the OASIS edmx.xsd (xmllint), the JSON against csdl.schema.json — and carry every public
// name, with no canonical name left where the mapping renamed one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNameMapping } from '../../src/edm/load-name-mapping';
import { createNaming, CANONICAL_NAMING } from '../../src/edm/naming';
import { METADATA_JSON, METADATA_XML } from '../../src/edm/metadata-documents';
import { conformanceFile } from './shared-dir';

const naming = createNaming(loadNameMapping(join(__dirname, '..', 'fixtures', 'name-mapping', 'legacy-names.json')));
const xml = naming.metadataXml.body.toString('utf8');
const json = JSON.parse(naming.metadataJson.body.toString('utf8')) as Record<string, any>;

const XMLLINT_AVAILABLE = spawnSync('xmllint', ['--version']).status === 0;
const XMLLINT_REQUIRED = Boolean(process.env.CI) || process.env.REQUIRE_PG === '1';
const runIt = XMLLINT_AVAILABLE || XMLLINT_REQUIRED ? it : it.skip;
const workDir = mkdtempSync(join(tmpdir(), 'b2x-mapped-csdl-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('$metadata under a name mapping', () => {
  runIt('the mapped CSDL XML is valid against the OASIS XML schema', () => {
    const file = join(workDir, 'mapped.xml');
    writeFileSync(file, naming.metadataXml.body);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', conformanceFile('schemas', 'edmx.xsd'), file], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('the mapped CSDL JSON is valid against the OASIS JSON schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
    const validate = ajv.compile(JSON.parse(readFileSync(conformanceFile('schemas', 'csdl.schema.json'), 'utf8')) as object);
    expect(validate(json) ? '' : ajv.errorsText(validate.errors)).toBe('');
  });

  it('names the namespace, container, sets, types, properties and navigations publicly', () => {
    expect(xml).toContain('<Schema Namespace="Legacy.Erp"');
    expect(xml).toContain('<EntityContainer Name="LegacyContainer">');
    expect(xml).toContain('<EntitySet Name="Kunden" EntityType="Legacy.Erp.Kunde">');
    expect(xml).toContain('<NavigationPropertyBinding Path="Kontakte" Target="Ansprechpartner" />');
    expect(xml).toContain('<EntityType Name="Kunde">');
    expect(xml).toContain('<PropertyRef Name="KundenNr" />');
    expect(xml).toContain('<Property Name="Anschrift" Type="Legacy.Erp.Adresse" />');
    expect(xml).toContain('<EnumType Name="KontaktRolle">');
    expect(xml).toContain('<NavigationProperty Name="Kontakte" Type="Collection(Legacy.Erp.Kontakt)" Partner="Kunde" />');
    // the dependent side names its own property and the principal's, each in its type's names
    expect(xml).toMatch(/<NavigationProperty Name="Kunde" Type="Legacy\.Erp\.Kunde" Nullable="false" Partner="Kontakte">\s*<ReferentialConstraint Property="KundenNr" ReferencedProperty="KundenNr" \/>/);
    expect(xml).toContain('<ComplexType Name="Adresse">');
    expect(xml).toContain('<Property Name="Ort" Type="Edm.String" MaxLength="80" />');
    expect(xml).not.toMatch(/B2X\.Erp|"Customers"|Name="Customer"|Name="City"/);
    expect(json.$EntityContainer).toBe('Legacy.Erp.LegacyContainer');
    expect(Object.keys(json['Legacy.Erp'].LegacyContainer)).toContain('Kunden');
    expect(json['Legacy.Erp'].Kunde.$Key).toEqual(['KundenNr']);
  });

  it('keeps the canonical documents byte for byte when nothing is renamed', () => {
    expect(CANONICAL_NAMING.identity).toBe(true);
    expect(CANONICAL_NAMING.metadataXml).toBe(METADATA_XML);
    expect(CANONICAL_NAMING.metadataJson).toBe(METADATA_JSON);
    expect(naming.metadataXml.etag).not.toBe(METADATA_XML.etag);
  });
});

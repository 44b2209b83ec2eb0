// compat check (issue #5): the legacy RESTier $metadata against ours — fixtures written as EdmLib 7
// writes documents, and small hand-made pairs for single rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompatReport } from '../../../src/compat/check-compat';
import { METADATA_XML } from '../../../src/edm/metadata-documents';

const FIXTURES = join(__dirname, '../../fixtures/legacy-metadata');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
// the canonical document (no name mapping): what the fixtures were written against
const OURS = METADATA_XML.body.toString('utf8');

const kinds = (r: CompatReport, severity: 'breaking' | 'info') =>
  r.differences.filter((d) => d.severity === severity).map((d) => `${d.kind} @ ${d.path}`).sort();

/** A one-schema document: namespace NS (alias Self), a container `C` holding `sets`. */
function edmx(types: string, sets = '', extra = ''): string {
  return `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">${extra}
  <edmx:DataServices><Schema Namespace="NS" Alias="Self" xmlns="http://docs.oasis-open.org/odata/ns/edm">
    ${types}<EntityContainer Name="C">${sets}</EntityContainer>
  </Schema></edmx:DataServices></edmx:Edmx>`;
}
const entity = (name: string, body: string, key = 'ID') => `<EntityType Name="${name}"><Key><PropertyRef Name="${key}"/></Key>${body}</EntityType>`;
const compare = (legacy: string, ours: string): CompatReport => compareDocuments(legacy, 'legacy.xml', ours, 'ours.xml');

describe('compat check against our $metadata', () => {
  it('finds nothing at all when our own document is compared with itself', () => {
    expect(compare(OURS, OURS).differences).toEqual([]);
  });

  it('an EdmLib 7 document equal in substance (aliases, Scale="Variable", ConcurrencyMode, Core without reference) has no breaking difference', () => {
    const r = compare(fixture('restier-equivalent.xml'), OURS);
    expect(kinds(r, 'breaking')).toEqual([]);
    expect(r.breaking).toBe(0);
    expect(kinds(r, 'info')).toEqual(expect.arrayContaining([
      'container-namespace-changed @ EntityContainer Container',
      'scale-variable-legacy @ EntityType B2X.Erp.Customer/Property CreditLimit',
      'precision-unspecified-legacy @ EntityType B2X.Erp.Product/Property ListPrice',
      'facet-wider @ EntityType B2X.Erp.Customer/Property CreatedAt',
    ]));
    expect(r.legacy).toEqual({ source: 'legacy.xml', namespaces: ['B2X.Erp'], container: 'Default.Container' });
  });

  it('reports a renamed namespace, entity type, entity sets and property each as breaking', () => {
    const r = compare(fixture('renamed.xml'), OURS);
    expect(kinds(r, 'breaking')).toEqual([
      'entity-set-renamed @ EntitySet Clients',
      'entity-set-renamed @ EntitySet ProductGroups',
      'entity-type-renamed @ EntityType Erp.Legacy.Client',
      'namespace-renamed @ Schema Erp.Legacy',
      'property-renamed @ EntityType Erp.Legacy.Product/Property Title',
    ]);
    expect(r.differences.find((d) => d.kind === 'entity-set-renamed' && d.legacy === 'Clients')?.ours).toBe('Customers');
  });

  it('classifies key type, nullability, facets, enum members, partners, tokens and operations', () => {
    const r = compare(fixture('specific-cases.xml'), OURS);
    expect(kinds(r, 'breaking')).toEqual([
      'concurrency-token-missing @ EntitySet Categories/OptimisticConcurrency',
      'enum-member-added @ EnumType B2X.Erp.ContactRole/Member Administrator',
      'enum-member-missing @ EnumType B2X.Erp.ContactRole/Member Viewer',
      'enum-member-value-changed @ EnumType B2X.Erp.ContactRole/Member Approver',
      'facet-narrower @ EntityType B2X.Erp.Customer/Property Name',
      'key-type-changed @ EntityType B2X.Erp.Category/Property ID',
      'nullable-on-ours @ EntityType B2X.Erp.Customer/Property Name2',
      'operation-import-missing @ FunctionImport ServerTime',
      'operation-missing @ Function B2X.Erp.OpenOrderCount(B2X.Erp.Customer)',
      'operation-missing @ Function B2X.Erp.ServerTime()',
      'property-missing @ EntityType B2X.Erp.Category/Property RowVersion',
    ]);
    expect(kinds(r, 'info')).toEqual(expect.arrayContaining([
      'facet-wider @ EntityType B2X.Erp.Customer/Property Email',
      'not-nullable-on-ours @ EntityType B2X.Erp.Contact/Property Email',
      'partner-added @ EntityType B2X.Erp.Product/NavigationProperty Category',
    ]));
    const narrower = r.differences.find((d) => d.kind === 'facet-narrower');
    expect(narrower).toMatchObject({ severity: 'breaking', legacy: '200', ours: '120' });
    expect(narrower?.reason).toMatch(/MaxLength 200 → 120/);
  });
});

describe('compat check rules on small documents', () => {
  const customer = (props: string, nav = '') => entity('Customer', `<Property Name="ID" Type="Edm.String" Nullable="false"/>${props}${nav}`);

  it('a partner only the legacy side declares is breaking; a changed referential constraint too', () => {
    const order = (nav: string) => entity('Order', `<Property Name="ID" Type="Edm.Int32" Nullable="false"/><Property Name="CustomerID" Type="Edm.String"/><Property Name="BuyerID" Type="Edm.String"/>${nav}`);
    const legacy = edmx(customer('', '<NavigationProperty Name="Orders" Type="Collection(Self.Order)" Partner="Customer"/>')
      + order('<NavigationProperty Name="Customer" Type="Self.Customer" Partner="Orders"><ReferentialConstraint Property="CustomerID" ReferencedProperty="ID"/></NavigationProperty>'));
    const ours = edmx(customer('', '<NavigationProperty Name="Orders" Type="Collection(NS.Order)"/>')
      + order('<NavigationProperty Name="Customer" Type="NS.Customer" Partner="Orders"><ReferentialConstraint Property="BuyerID" ReferencedProperty="ID"/></NavigationProperty>'));
    expect(kinds(compare(legacy, ours), 'breaking')).toEqual([
      'partner-missing @ EntityType NS.Customer/NavigationProperty Orders',
      'referential-constraint-changed @ EntityType NS.Order/NavigationProperty Customer',
    ]);
  });

  it('reads out-of-line annotations, aliased Core terms and ConcurrencyMode the same as inline ones', () => {
    const body = customer('<Property Name="Version" Type="Edm.Int64" Nullable="false"/>');
    const annotated = edmx(body, '<EntitySet Name="Customers" EntityType="Self.Customer"/>',
      '<edmx:Reference Uri="x"><edmx:Include Namespace="Org.OData.Core.V1" Alias="C1"/></edmx:Reference>')
      .replace('</Schema>', '<Annotations Target="Self.C/Customers"><Annotation Term="C1.OptimisticConcurrency"><Collection><PropertyPath>Version</PropertyPath></Collection></Annotation></Annotations></Schema>');
    const fixed = edmx(customer('<Property Name="Version" Type="Edm.Int64" Nullable="false" ConcurrencyMode="Fixed"/>'), '<EntitySet Name="Customers" EntityType="NS.Customer"/>');
    expect(compare(annotated, fixed).differences).toEqual([]);
    const none = edmx(body, '<EntitySet Name="Customers" EntityType="NS.Customer"/>');
    expect(kinds(compare(annotated, none), 'breaking')).toEqual(['concurrency-token-missing @ EntitySet Customers/OptimisticConcurrency']);
    expect(kinds(compare(none, annotated), 'info')).toEqual(['concurrency-token-added @ EntitySet Customers/OptimisticConcurrency']);
  });

  it('counts enum values without Value from the previous member and compares the underlying type', () => {
    const implicit = edmx('<EnumType Name="Role"><Member Name="A"/><Member Name="B"/><Member Name="C" Value="5"/><Member Name="D"/></EnumType>');
    const explicit = edmx('<EnumType Name="Role" UnderlyingType="Edm.Int32"><Member Name="A" Value="0"/><Member Name="B" Value="1"/><Member Name="C" Value="5"/><Member Name="D" Value="6"/></EnumType>');
    expect(compare(implicit, explicit).differences).toEqual([]);
    const wide = explicit.replace('Edm.Int32', 'Edm.Int64').replace('Name="Role"', 'Name="Role" IsFlags="true"');
    expect(kinds(compare(implicit, wide), 'breaking')).toEqual(['enum-flags-changed @ EnumType NS.Role', 'enum-underlying-type-changed @ EnumType NS.Role']);
  });

  it('Scale="Variable" against a fixed scale is information; a smaller fixed scale or precision is breaking', () => {
    const dec = (facets: string) => edmx(customer(`<Property Name="Amount" Type="Edm.Decimal" Nullable="false" ${facets}/>`));
    expect(kinds(compare(dec('Precision="18" Scale="Variable"'), dec('Precision="18" Scale="2"')), 'info')).toEqual(['scale-variable-legacy @ EntityType NS.Customer/Property Amount']);
    expect(kinds(compare(dec('Precision="18" Scale="4"'), dec('Precision="18" Scale="2"')), 'breaking')).toEqual(['facet-narrower @ EntityType NS.Customer/Property Amount']);
    expect(kinds(compare(dec('Precision="19" Scale="2"'), dec('Precision="18" Scale="2"')), 'breaking')).toEqual(['facet-narrower @ EntityType NS.Customer/Property Amount']);
    expect(kinds(compare(dec('Precision="18" Scale="2"'), dec('Precision="18" Scale="Variable"')), 'info')).toEqual(['facet-wider @ EntityType NS.Customer/Property Amount']);
  });

  it('MaxLength absent (unbounded) on the legacy side is wider than any MaxLength of ours', () => {
    const str = (facets: string) => edmx(customer(`<Property Name="Name" Type="Edm.String" ${facets}/>`));
    expect(kinds(compare(str(''), str('MaxLength="50"')), 'breaking')).toEqual(['facet-narrower @ EntityType NS.Customer/Property Name']);
    expect(kinds(compare(str('MaxLength="max"'), str('')), 'info')).toEqual([]);
  });

  it('lists bound and unbound operations only the legacy side has, and changed signatures', () => {
    const fn = (ret: string) => `<Function Name="Count" IsBound="true"><Parameter Name="c" Type="Collection(Self.Customer)"/><ReturnType Type="${ret}"/></Function>`;
    const legacy = edmx(customer('') + fn('Edm.Int32') + '<Action Name="Recalc"/>', '<ActionImport Name="Recalc" Action="Self.Recalc"/>');
    const ours = edmx(customer('') + fn('Edm.Int64'));
    expect(kinds(compare(legacy, ours), 'breaking')).toEqual([
      'operation-import-missing @ ActionImport Recalc',
      'operation-missing @ Action NS.Recalc()',
      'operation-signature-changed @ Function NS.Count(Collection(NS.Customer))',
    ]);
  });

  it('an extra property, set or type on our side is information only', () => {
    const legacy = edmx(customer(''), '<EntitySet Name="Customers" EntityType="Self.Customer"/>');
    const ours = edmx(customer('<Property Name="Extra" Type="Edm.String"/>') + entity('Other', '<Property Name="ID" Type="Edm.Int32" Nullable="false"/>'),
      '<EntitySet Name="Customers" EntityType="NS.Customer"/><EntitySet Name="Others" EntityType="NS.Other"/>');
    const r = compare(legacy, ours);
    expect(r.breaking).toBe(0);
    expect(kinds(r, 'info')).toEqual(['entity-set-added @ EntitySet Others', 'entity-type-added @ EntityType NS.Other', 'property-added @ EntityType NS.Customer/Property Extra']);
  });
});

describe('reading legacy documents', () => {
  it('refuses text that is not XML, CSDL JSON and XML that is not EDMX with one clear message', () => {
    expect(() => compare('<edmx:Edmx><unclosed>', OURS)).toThrow(/legacy\.xml is not well-formed XML \(line 1/);
    expect(() => compare('{"$Version":"4.0"}', OURS)).toThrow(/looks like CSDL JSON/);
    expect(() => compare('<html><body>login</body></html>', OURS)).toThrow(/not a CSDL XML document \(root element <html>/);
    expect(() => compare('<edmx:Edmx Version="1.0" xmlns:edmx="x"><edmx:DataServices/></edmx:Edmx>', OURS)).toThrow(/OData v2\/v3 document \(EDMX Version 1\.0\)/);
    expect(() => compare('<edmx:Edmx Version="4.0" xmlns:edmx="x"><edmx:DataServices/></edmx:Edmx>', OURS)).toThrow(/has no edmx:DataServices\/Schema element/);
  });
});

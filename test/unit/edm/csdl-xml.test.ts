// Facts the CSDL XML must state about the model, checked on the parsed document rather than
// on text, so formatting changes do not hide (or fake) a semantic change.
import { describe, expect, it } from 'vitest';
import { renderCsdlXml } from '../../../src/edm/csdl-xml';
import { MODEL } from '../../../metadata';
import type { EdmModel } from '../../../metadata';
import { childNamed, descendants, parseXml, type XmlNode } from '../../helpers/xml-tree';

const CORE = 'Org.OData.Core.V1';
const doc = parseXml(renderCsdlXml());
const schema = descendants(doc, 'Schema')[0]!;
const entityType = (name: string): XmlNode => childNamed(schema, 'EntityType', name);
const prop = (type: string, name: string): XmlNode => childNamed(entityType(type), 'Property', name);
const nav = (type: string, name: string): XmlNode => childNamed(entityType(type), 'NavigationProperty', name);
const entitySet = (name: string): XmlNode => childNamed(childNamed(schema, 'EntityContainer', 'Container'), 'EntitySet', name);
const annotations = (n: XmlNode, term: string): XmlNode[] => n.children.filter((c) => c.name === 'Annotation' && c.attrs.Term === term);

describe('CSDL XML document', () => {
  it('is an OData 4.0 edmx document with the B2X.Erp schema in the edm namespace', () => {
    expect(doc.name).toBe('edmx:Edmx');
    expect(doc.attrs).toEqual({ Version: '4.0', 'xmlns:edmx': 'http://docs.oasis-open.org/odata/ns/edmx' });
    expect(schema.attrs).toEqual({ Namespace: 'B2X.Erp', xmlns: 'http://docs.oasis-open.org/odata/ns/edm' });
  });

  it('references the Core vocabulary without an alias', () => {
    const [ref] = descendants(doc, 'edmx:Reference');
    expect(ref?.attrs.Uri).toBe('https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml');
    expect(ref?.children.map((c) => c.attrs)).toEqual([{ Namespace: CORE }]);
  });

  it('writes no Alias attribute anywhere', () => {
    expect(renderCsdlXml()).not.toMatch(/\sAlias=/);
  });

  it('qualifies every type reference with its namespace, and each resolves to a declared type', () => {
    const declared = new Set(['EnumType', 'ComplexType', 'EntityType'].flatMap((k) => descendants(schema, k).map((t) => `B2X.Erp.${t.attrs.Name}`)));
    const refs = [...descendants(schema, 'Property'), ...descendants(schema, 'NavigationProperty')].map((p) => p.attrs.Type!);
    refs.push(...descendants(schema, 'EntitySet').map((s) => s.attrs.EntityType!));
    for (const ref of refs) {
      const bare = ref.replace(/^Collection\((.*)\)$/, '$1');
      expect(bare, ref).toMatch(/^(Edm\.\w+|B2X\.Erp\.\w+)$/);
      if (bare.startsWith('B2X.Erp.')) expect(declared.has(bare), ref).toBe(true);
    }
  });

  it('gives PriceAgreement the composite key (CustomerID, ProductID)', () => {
    const key = entityType('PriceAgreement').children.find((c) => c.name === 'Key')!;
    expect(key.children.map((r) => r.attrs.Name)).toEqual(['CustomerID', 'ProductID']);
  });

  it('writes the enum as Int32 by default (no UnderlyingType) with explicit member values', () => {
    const role = childNamed(schema, 'EnumType', 'ContactRole');
    expect(role.attrs.UnderlyingType).toBeUndefined();
    expect(role.children.map((m) => [m.attrs.Name, m.attrs.Value])).toEqual([['Buyer', '0'], ['Approver', '1'], ['Administrator', '2']]);
  });

  it('writes Decimal precision and scale, string MaxLength and Nullable="false"', () => {
    expect(prop('Customer', 'CreditLimit').attrs).toMatchObject({ Type: 'Edm.Decimal', Precision: '18', Scale: '2', Nullable: 'false' });
    expect(prop('Product', 'ListPrice').attrs).toMatchObject({ Precision: '18', Scale: '4' });
    expect(prop('Product', 'StockQuantity').attrs).toMatchObject({ Precision: '18', Scale: '3' });
    expect(prop('Customer', 'Name').attrs).toMatchObject({ MaxLength: '120', Nullable: 'false' });
    expect(prop('Customer', 'Name2').attrs.Nullable).toBeUndefined();
    expect(prop('Product', 'Description').attrs.MaxLength).toBeUndefined();
  });

  it('writes default values as literals: enum member name, boolean, decimal, string', () => {
    expect(prop('Contact', 'Role').attrs).toMatchObject({ Type: 'B2X.Erp.ContactRole', DefaultValue: 'Buyer' });
    expect(prop('Customer', 'IsBlocked').attrs.DefaultValue).toBe('false');
    expect(prop('Product', 'IsActive').attrs.DefaultValue).toBe('true');
    expect(prop('Customer', 'CreditLimit').attrs.DefaultValue).toBe('0');
    expect(prop('Customer', 'Currency').attrs.DefaultValue).toBe('EUR');
    expect(prop('Customer', 'Email').attrs.DefaultValue).toBeUndefined();
  });

  it('annotates exactly the computed properties with Core.Computed', () => {
    expect(annotations(prop('Customer', 'CreatedAt'), `${CORE}.Computed`).map((a) => a.attrs.Bool)).toEqual(['true']);
    for (const t of MODEL.entityTypes) {
      for (const p of t.properties) {
        const computed = p.kind === 'primitive' && p.computed === true;
        expect(annotations(prop(t.name, p.name), `${CORE}.Computed`).length, `${t.name}.${p.name}`).toBe(computed ? 1 : 0);
      }
    }
  });

  it('declares Core.OptimisticConcurrency [Version] on each set whose type has a concurrency token', () => {
    for (const s of MODEL.entitySets) {
      const token = MODEL.entityTypes.find((t) => t.name === s.type)?.concurrency;
      const found = annotations(entitySet(s.name), `${CORE}.OptimisticConcurrency`);
      const paths = found.flatMap((a) => descendants(a, 'PropertyPath').map((p) => p.text));
      expect(paths, s.name).toEqual(token ? [token] : []);
    }
    expect(entitySet('Customers').children.some((c) => c.attrs.Term === `${CORE}.OptimisticConcurrency`)).toBe(true);
    expect(descendants(entityType('Customer'), 'Annotation').some((a) => a.attrs.Term?.endsWith('OptimisticConcurrency'))).toBe(false);
  });

  it('puts ReferentialConstraint on the dependent, single-valued side only', () => {
    const rc = (type: string, name: string) => nav(type, name).children.filter((c) => c.name === 'ReferentialConstraint').map((c) => c.attrs);
    expect(rc('Contact', 'Customer')).toEqual([{ Property: 'CustomerID', ReferencedProperty: 'ID' }]);
    expect(rc('PriceAgreement', 'Product')).toEqual([{ Property: 'ProductID', ReferencedProperty: 'ID' }]);
    expect(rc('Customer', 'Contacts')).toEqual([]);
    expect(rc('Category', 'Children')).toEqual([]);
  });

  it('writes navigation types, Nullable only on single-valued navigation, and Partner', () => {
    expect(nav('Customer', 'Contacts').attrs).toEqual({ Name: 'Contacts', Type: 'Collection(B2X.Erp.Contact)', Partner: 'Customer' });
    expect(nav('Contact', 'Customer').attrs).toEqual({ Name: 'Customer', Type: 'B2X.Erp.Customer', Nullable: 'false', Partner: 'Contacts' });
    expect(nav('Product', 'Category').attrs.Nullable).toBeUndefined(); // CSDL default: nullable
  });

  it('names a Partner that exists on the target and points back (a semantic rule the XSD cannot check)', () => {
    for (const n of descendants(schema, 'NavigationProperty')) {
      const owner = descendants(schema, 'EntityType').find((t) => t.children.includes(n))!;
      const target = n.attrs.Type!.replace(/^Collection\((.*)\)$/, '$1').replace('B2X.Erp.', '');
      const partner = nav(target, n.attrs.Partner!);
      expect(partner.attrs.Partner, `${owner.attrs.Name}.${n.attrs.Name}`).toBe(n.attrs.Name);
    }
  });

  it('binds every navigation property of every set to its target set', () => {
    for (const s of MODEL.entitySets) {
      const bindings = entitySet(s.name).children.filter((c) => c.name === 'NavigationPropertyBinding').map((b) => [b.attrs.Path, b.attrs.Target]);
      expect(bindings).toEqual(Object.entries(s.bindings));
      expect(entitySet(s.name).attrs.EntityType).toBe(`B2X.Erp.${s.type}`);
    }
  });

  it('escapes attribute values so they survive a parser unchanged', () => {
    const tricky = 'Müller & "Söhne" <GmbH>\n\'x\'\t';
    const model: EdmModel = {
      ...MODEL,
      entityTypes: MODEL.entityTypes.map((t) => ({
        ...t,
        properties: t.properties.map((p) => (t.name === 'Product' && p.name === 'Unit' ? { ...p, defaultValue: tricky } : p)),
      })),
    };
    const parsed = parseXml(renderCsdlXml(model));
    const unit = childNamed(childNamed(descendants(parsed, 'Schema')[0]!, 'EntityType', 'Product'), 'Property', 'Unit');
    expect(unit.attrs.DefaultValue).toBe(tricky);
  });

  it('renders the same bytes every time', () => {
    expect(renderCsdlXml()).toBe(renderCsdlXml(MODEL));
  });
});

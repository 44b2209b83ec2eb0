// Facts the CSDL JSON must state about the model, and that it says the same as the CSDL XML.
import { describe, expect, it } from 'vitest';
import { renderCsdlJson, renderCsdlJsonText, type JsonObject } from '../../../src/edm/csdl-json';
import { renderCsdlXml } from '../../../src/edm/csdl-xml';
import { MODEL } from '../../../metadata';
import { childNamed, descendants, parseXml } from '../../helpers/xml-tree';

const CORE = 'Org.OData.Core.V1';
const doc = renderCsdlJson();
const schema = doc['B2X.Erp'] as JsonObject;
const member = (type: string, name?: string): JsonObject => {
  const t = schema[type] as JsonObject;
  return name === undefined ? t : (t[name] as JsonObject);
};
const container = schema.Container as JsonObject;

describe('CSDL JSON document', () => {
  it('has the 4.0 header, the container name and a Core reference without alias', () => {
    expect(doc.$Version).toBe('4.0');
    expect(doc.$EntityContainer).toBe('B2X.Erp.Container');
    expect(doc.$Reference).toEqual({
      'https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.json': { $Include: [{ $Namespace: CORE }] },
    });
    expect(renderCsdlJsonText()).not.toContain('$Alias');
  });

  it('gives PriceAgreement the composite key (CustomerID, ProductID)', () => {
    expect(member('PriceAgreement').$Key).toEqual(['CustomerID', 'ProductID']);
  });

  it('writes the enum with member values and no $UnderlyingType (Int32 default)', () => {
    expect(member('ContactRole')).toEqual({ $Kind: 'EnumType', Buyer: 0, Approver: 1, Administrator: 2 });
  });

  it('writes Decimal facets and type-specific default values', () => {
    expect(member('Customer', 'CreditLimit')).toEqual({ $Type: 'Edm.Decimal', $Precision: 18, $Scale: 2, $DefaultValue: 0 });
    expect(member('PriceAgreement', 'MinQuantity')).toMatchObject({ $Precision: 18, $Scale: 3, $DefaultValue: 1 });
    expect(member('Contact', 'Role')).toEqual({ $Type: 'B2X.Erp.ContactRole', $DefaultValue: 'Buyer' });
    expect(member('Customer', 'IsBlocked')).toEqual({ $Type: 'Edm.Boolean', $DefaultValue: false });
    expect(member('Customer', 'Currency')).toEqual({ $MaxLength: 3, $DefaultValue: 'EUR' });
  });

  it('leaves out CSDL JSON defaults: no $Type for Edm.String, $Nullable only when true', () => {
    expect(member('Customer', 'ID')).toEqual({ $MaxLength: 20 });
    expect(member('Customer', 'Name2')).toEqual({ $Nullable: true, $MaxLength: 120 });
    expect(member('Product', 'Description')).toEqual({ $Nullable: true });
  });

  it('annotates computed properties with @Org.OData.Core.V1.Computed', () => {
    expect(member('Customer', 'CreatedAt')).toEqual({ $Type: 'Edm.DateTimeOffset', $Precision: 3, [`@${CORE}.Computed`]: true });
    expect(member('Customer', 'Name')[`@${CORE}.Computed`]).toBeUndefined();
  });

  it('declares OptimisticConcurrency on each set whose type has a concurrency token', () => {
    for (const s of MODEL.entitySets) {
      const token = MODEL.entityTypes.find((t) => t.name === s.type)?.concurrency;
      expect((container[s.name] as JsonObject)[`@${CORE}.OptimisticConcurrency`], s.name).toEqual(token ? [token] : undefined);
    }
  });

  it('writes navigation with $Collection, $Partner and the constraint on the dependent side only', () => {
    expect(member('Customer', 'Contacts')).toEqual({ $Kind: 'NavigationProperty', $Collection: true, $Type: 'B2X.Erp.Contact', $Partner: 'Customer' });
    expect(member('Contact', 'Customer')).toEqual({
      $Kind: 'NavigationProperty', $Type: 'B2X.Erp.Customer', $Partner: 'Contacts', $ReferentialConstraint: { CustomerID: 'ID' },
    });
    expect(member('Product', 'Category')).toMatchObject({ $Nullable: true, $ReferentialConstraint: { CategoryID: 'ID' } });
  });

  it('writes entity sets with their type and navigation bindings', () => {
    expect(container.$Kind).toBe('EntityContainer');
    expect(container.Customers).toMatchObject({ $Collection: true, $Type: 'B2X.Erp.Customer', $NavigationPropertyBinding: { Contacts: 'Contacts', PriceAgreements: 'PriceAgreements' } });
  });

  it('qualifies every $Type with a namespace', () => {
    const types = [...renderCsdlJsonText().matchAll(/"\$Type": "([^"]*)"/g)].map((m) => m[1]);
    expect(types.length).toBeGreaterThan(10);
    for (const t of types) expect(t).toMatch(/^(Edm|B2X\.Erp)\.\w+$/);
  });

  it('describes the same properties, types and nullability as the CSDL XML', () => {
    const xmlSchema = descendants(parseXml(renderCsdlXml()), 'Schema')[0]!;
    for (const t of MODEL.entityTypes) {
      const xmlType = childNamed(xmlSchema, 'EntityType', t.name);
      for (const p of xmlType.children.filter((c) => c.name === 'Property')) {
        const j = member(t.name, p.attrs.Name!);
        expect(j.$Type ?? 'Edm.String', `${t.name}.${p.attrs.Name}`).toBe(p.attrs.Type);
        expect(j.$Nullable === true, `${t.name}.${p.attrs.Name}`).toBe(p.attrs.Nullable !== 'false');
        expect(String(j.$DefaultValue ?? ''), `${t.name}.${p.attrs.Name}`).toBe(p.attrs.DefaultValue ?? '');
      }
    }
  });

  it('serializes deterministically', () => {
    expect(renderCsdlJsonText()).toBe(`${JSON.stringify(renderCsdlJson(MODEL), null, 2)}\n`);
  });
});

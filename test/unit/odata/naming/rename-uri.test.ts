// Public → canonical URL rewriting (issue #5): a URL in the legacy names of the fixture mapping
// becomes exactly the AST of the same URL written in canonical names; canonical names that were
// renamed away are refused like any unknown name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNameMapping } from '../../../../src/edm/load-name-mapping';
import { createNaming } from '../../../../src/edm/naming';
import { NotFoundError, UnknownPropertyError, BadRequestError } from '../../../../src/errors/catalogue';
import { toCanonicalUri } from '../../../../src/odata/naming/rename-uri';
import { parseODataUri } from '../../../../src/odata/uri';

const naming = createNaming(loadNameMapping(join(__dirname, '..', '..', '..', 'fixtures', 'name-mapping', 'legacy-names.json')));
const enc = (q: string) => q.replace(/ /g, '%20').replace(/'/g, '%27');
// positions point into the text as written, so they differ where the names' lengths differ
const withoutPos = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(withoutPos)
    : typeof x === 'object' && x !== null ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'pos').map(([k, v]) => [k, withoutPos(v)]))
    : x;
const canonical = (path: string, query = '') => withoutPos(toCanonicalUri(naming.tables, parseODataUri(path, enc(query))));
const parsed = (path: string, query = '') => withoutPos(parseODataUri(path, enc(query)));

describe('rewriting a public URL to canonical names', () => {
  it.each([
    ["/Kunden('10001')", "/Customers('10001')"],
    ["/Kunden('10001')/Kontakte", "/Customers('10001')/Contacts"],
    ["/Kunden('10001')/Anschrift/Ort/$value", "/Customers('10001')/Address/City/$value"],
    ["/Ansprechpartner('k1')/Kunde/Firma", "/Contacts('k1')/Customer/Name"],
    ["/Preise(KundenNr='10001',ProductID='A-1')", "/PriceAgreements(CustomerID='10001',ProductID='A-1')"],
    ["/Kunden('10001')/Kontakte/$count", "/Customers('10001')/Contacts/$count"],
    ['/Products', '/Products'],
  ])('path %s', (pub, canon) => {
    expect(canonical(pub)).toEqual(parsed(canon));
  });

  it.each([
    ["$filter=Anschrift/Ort eq 'Berlin' and Kreditlimit gt 10", "$filter=Address/City eq 'Berlin' and CreditLimit gt 10"],
    ["$filter=Kontakte/any(k: k/Rolle eq Legacy.Erp.KontaktRolle'Approver' and k/Kunde/Firma ne $it/Firma)",
      "$filter=Contacts/any(k: k/Role eq B2X.Erp.ContactRole'Approver' and k/Customer/Name ne $it/Name)"],
    ["$filter=Kontakte/all(k: contains(k/EMail, '@')) or not (KundenNr in ('1','2'))", "$filter=Contacts/all(k: contains(k/Email, '@')) or not (ID in ('1','2'))"],
    ['$orderby=Anschrift/Ort desc,Firma', '$orderby=Address/City desc,Name'],
    ['$select=Firma,Anschrift/Ort,Kontakte', '$select=Name,Address/City,Contacts'],
    ["$expand=Kontakte($filter=Rolle eq 'Buyer';$select=EMail;$orderby=LastName;$expand=Kunde($select=Firma))",
      "$expand=Contacts($filter=Role eq 'Buyer';$select=Email;$orderby=LastName;$expand=Customer($select=Name))"],
    ['$expand=*&$count=true&$top=2', '$expand=*&$count=true&$top=2'],
  ])('options %s', (pub, canon) => {
    expect(canonical('/Kunden', pub)).toEqual(parsed('/Customers', canon));
  });

  it('applies the options of a navigation path to its target type', () => {
    expect(canonical("/Kunden('1')/Kontakte", '$filter=EMail ne null&$select=Rolle')).toEqual(parsed("/Customers('1')/Contacts", '$filter=Email ne null&$select=Role'));
  });

  it('leaves $metadata, $batch and the service document alone', () => {
    for (const p of ['/$metadata', '/$batch', '/']) expect(canonical(p, '$format=json')).toEqual(parsed(p, '$format=json'));
  });

  it('refuses canonical names that the mapping renamed, as unknown names', () => {
    expect(() => canonical("/Customers('1')")).toThrow(NotFoundError);
    expect(() => canonical("/Customers('1')")).toThrow("No entity set named 'Customers'");
    expect(() => canonical("/Kunden('1')/Contacts")).toThrow(UnknownPropertyError);
    expect(() => canonical('/Kunden', "$filter=Name eq 'x'")).toThrow("The type 'Legacy.Erp.Kunde' has no property 'Name'");
    expect(() => canonical('/Kunden', '$select=Address/City')).toThrow(UnknownPropertyError);
    expect(() => canonical('/Kunden', '$select=Anschrift/City')).toThrow("The type 'Legacy.Erp.Adresse' has no property 'City'");
    expect(() => canonical('/Kunden', '$expand=Kontakte($select=Email)')).toThrow("The type 'Legacy.Erp.Kontakt' has no property 'Email'");
    expect(() => canonical("/Preise(CustomerID='1',ProductID='A')")).toThrow(UnknownPropertyError);
    expect(() => canonical('/Kunden', "$filter=Kontakte/any(k: k/Role eq 'Buyer')")).toThrow(UnknownPropertyError);
  });

  it('refuses enum literals in the canonical namespace or type name', () => {
    expect(() => canonical('/Ansprechpartner', "$filter=Rolle eq B2X.Erp.ContactRole'Buyer'")).toThrow(BadRequestError);
    expect(() => canonical('/Ansprechpartner', "$filter=Rolle eq Legacy.Erp.ContactRole'Buyer'")).toThrow("Unknown enum type 'Legacy.Erp.ContactRole'");
  });

  it('is not used at all for the identity mapping', () => {
    expect(createNaming(loadNameMapping(join(__dirname, '..', '..', '..', '..', 'metadata', 'name-mapping.json'))).identity).toBe(true);
  });
});

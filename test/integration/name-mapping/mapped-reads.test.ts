// Reads under the legacy name mapping (issue #5) on real databases: the same rows as the canonical
// gateway for key lookups, navigation, $filter (lambda, complex, enum), $orderby, $select and
// $expand — written in public names, with public context URLs, ids and links; canonical names
// that were renamed are refused like unknown names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../helpers/databases';
import { startMappedGateways, type MappedGateways } from './mapped-gateways';

const FULL = { Accept: 'application/json;odata.metadata=full' };

describe.each(testDialects())('reads in public names on %s', (dialect) => {
  let g: MappedGateways;
  let root: string;
  beforeAll(async () => {
    g = await startMappedGateways(dialect, 'acme');
    root = `${g.mapped.url}/odata`;
  });
  afterAll(() => g?.close());

  it('serves the service document and $metadata with the public names', async () => {
    const doc = await g.m.get('');
    expect(doc.body.value.map((s: { name: string }) => s.name)).toEqual(['Kunden', 'Ansprechpartner', 'Products', 'Categories', 'Preise']);
    expect(doc.body.value[0]).toEqual({ name: 'Kunden', kind: 'EntitySet', url: 'Kunden' });
    const md = await g.mapped.request('/odata/$metadata', (await g.canonical.keyFor('acme')));
    const xml = await md.text();
    expect(md.headers.get('content-type')).toContain('application/xml');
    expect(xml).toContain('<EntitySet Name="Kunden" EntityType="Legacy.Erp.Kunde">');
    const json = await g.m.get('$metadata?$format=json');
    expect(json.body.$EntityContainer).toBe('Legacy.Erp.LegacyContainer');
  });

  it('looks an entity up by key with public names, ids and links', async () => {
    const r = await g.m.get("Kunden('10001')", FULL);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      '@odata.context': `${root}/$metadata#Kunden/$entity`,
      '@odata.type': '#Legacy.Erp.Kunde',
      '@odata.id': `${root}/Kunden('10001')`,
      '@odata.editLink': `${root}/Kunden('10001')`,
      KundenNr: '10001', Firma: 'Alpha GmbH', 'Kreditlimit@odata.type': '#Decimal', Kreditlimit: 1000.5,
      Anschrift: { Street: null, PostalCode: null, Ort: 'Berlin', CountryCode: 'DE' },
      'Kontakte@odata.navigationLink': `${root}/Kunden('10001')/Kontakte`,
    });
    expect(r.body).not.toHaveProperty('ID');
    expect(r.body).not.toHaveProperty('Name');
  });

  it('returns the rows the canonical gateway returns for the same query', async () => {
    const cases: Array<[string, string, (b: any) => unknown, (b: any) => unknown]> = [
      ["Kunden?$filter=Anschrift/Ort eq 'Berlin' or Kreditlimit lt 25&$orderby=Firma desc", "Customers?$filter=Address/City eq 'Berlin' or CreditLimit lt 25&$orderby=Name desc",
        (b) => b.value.map((v: any) => v.KundenNr), (b) => b.value.map((v: any) => v.ID)],
      ["Kunden?$filter=Kontakte/any(k: k/Rolle eq Legacy.Erp.KontaktRolle'Administrator')", "Customers?$filter=Contacts/any(k: k/Role eq B2X.Erp.ContactRole'Administrator')",
        (b) => b.value.map((v: any) => v.KundenNr), (b) => b.value.map((v: any) => v.ID)],
      ["Ansprechpartner?$filter=Kunde/Firma eq 'Alpha GmbH' and contains(EMail,'alpha')&$orderby=EMail desc", "Contacts?$filter=Customer/Name eq 'Alpha GmbH' and contains(Email,'alpha')&$orderby=Email desc",
        (b) => b.value.map((v: any) => [v.ID, v.EMail, v.Rolle]), (b) => b.value.map((v: any) => [v.ID, v.Email, v.Role])],
      ["Kunden('10001')/Kontakte?$orderby=LastName desc", "Customers('10001')/Contacts?$orderby=LastName desc",
        (b) => b.value.map((v: any) => [v.ID, v.KundenNr]), (b) => b.value.map((v: any) => [v.ID, v.CustomerID])],
      ["Preise(KundenNr='10001',ProductID='A-1')", "PriceAgreements(CustomerID='10001',ProductID='A-1')",
        (b) => [b.KundenNr, b.ProductID, b.Preis], (b) => [b.CustomerID, b.ProductID, b.Price]],
      ["Kunden?$filter=KundenNr in ('10002','10003')&$count=true", "Customers?$filter=ID in ('10002','10003')&$count=true",
        (b) => [b['@odata.count'], b.value.map((v: any) => v.Firma)], (b) => [b['@odata.count'], b.value.map((v: any) => v.Name)]],
    ];
    for (const [pub, canon, pickPub, pickCanon] of cases) {
      const m = await g.m.get(pub.replace(/ /g, '%20'));
      const c = await g.c.get(canon.replace(/ /g, '%20'));
      expect([m.status, c.status], pub).toEqual([200, 200]);
      expect(pickPub(m.body), pub).toEqual(pickCanon(c.body));
      expect(JSON.stringify(pickPub(m.body))).not.toBe('[]');
    }
  });

  it('writes $select and $expand in public names, context URL included', async () => {
    const r = await g.m.get("Kunden('10001')?$select=Firma,Anschrift/Ort&$expand=Kontakte($select=EMail,Rolle;$orderby=EMail;$expand=Kunde($select=Firma);$count=true)");
    expect(r.body).toEqual({
      '@odata.context': `${root}/$metadata#Kunden(Firma,Anschrift/Ort,Kontakte(EMail,Rolle,Kunde(Firma)))/$entity`,
      '@odata.etag': 'W/"1"',
      Firma: 'Alpha GmbH',
      Anschrift: { Street: null, PostalCode: null, Ort: 'Berlin', CountryCode: null }, // members not selected are null, as without a mapping
      'Kontakte@odata.count': 2,
      Kontakte: [
        { '@odata.etag': 'W/"1"', EMail: 'a@alpha.example', Rolle: 'Approver', Kunde: { '@odata.etag': 'W/"1"', Firma: 'Alpha GmbH' } },
        { '@odata.etag': 'W/"1"', EMail: 'b@alpha.example', Rolle: 'Buyer', Kunde: { '@odata.etag': 'W/"1"', Firma: 'Alpha GmbH' } },
      ],
    });
  });

  it('reads single properties and navigations with public context paths', async () => {
    const city = await g.m.get("Kunden('10001')/Anschrift/Ort");
    expect(city.body).toEqual({ '@odata.context': `${root}/$metadata#Kunden('10001')/Anschrift/Ort`, value: 'Berlin' });
    const address = await g.m.get("Kunden('10001')/Anschrift");
    expect(address.body).toMatchObject({ '@odata.context': `${root}/$metadata#Kunden('10001')/Anschrift`, Ort: 'Berlin' });
    const price = await g.m.get("Preise(KundenNr='10001',ProductID='A-1')/Preis");
    expect(price.body['@odata.context']).toBe(`${root}/$metadata#Preise(KundenNr='10001',ProductID='A-1')/Preis`);
    const key = await g.canonical.keyFor('acme');
    const raw = await g.mapped.request("/odata/Ansprechpartner('k1')/EMail/$value", key);
    expect(await raw.text()).toBe('a@alpha.example');
    const customer = await g.m.get("Ansprechpartner('k3')/Kunde", FULL);
    expect(customer.body).toMatchObject({ '@odata.context': `${root}/$metadata#Kunden/$entity`, '@odata.id': `${root}/Kunden('10002')`, Firma: 'Beta AG' });
    expect(await (await g.mapped.request("/odata/Kunden('10001')/Kontakte/$count", key)).text()).toBe('2');
  });

  it('refuses canonical names that the mapping renamed, as unknown names', async () => {
    const set = await g.m.get("Customers('10001')");
    expect(set.status).toBe(404);
    expect(set.body.error.message).toBe("No entity set named 'Customers'");
    for (const [url, name] of [
      ["Kunden?$filter=Name eq 'x'", 'Name'], ['Kunden?$select=ID', 'ID'], ['Kunden?$orderby=Address/City', 'Address'],
      ['Kunden?$expand=Contacts', 'Contacts'], ["Kunden('10001')/Contacts", 'Contacts'], ['Kunden?$select=Anschrift/City', 'City'],
      ["Kunden?$filter=Kontakte/any(k: k/Email eq 'x')", 'Email'], ["Preise(CustomerID='10001',ProductID='A-1')", 'CustomerID'],
    ] as const) {
      const r = await g.m.get(url.replace(/ /g, '%20'));
      expect([r.status, r.body.error.code, r.body.error.target], url).toEqual([400, 'UnknownProperty', name]);
      expect(r.body.error.message, url).toMatch(/^The type 'Legacy\.Erp\.(Kunde|Kontakt|Adresse|Preisvereinbarung)' has no property/);
    }
    const enumLiteral = await g.m.get("Ansprechpartner?$filter=Rolle eq B2X.Erp.ContactRole'Buyer'".replace(/ /g, '%20'));
    expect([enumLiteral.status, enumLiteral.body.error.message]).toEqual([400, "Unknown enum type 'B2X.Erp.ContactRole'"]);
  });

  it('pages with next links in the names the client used', async () => {
    const r = await g.m.get('Kunden?$select=Firma&$orderby=Firma', { Prefer: 'odata.maxpagesize=2' });
    expect(r.body['@odata.nextLink']).toMatch(new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/Kunden\\?\\$select=Firma&\\$orderby=Firma&\\$skiptoken=`));
    const next = await g.m.get(r.body['@odata.nextLink'].slice(root.length + 1));
    expect(next.body.value).toEqual([{ '@odata.etag': 'W/"1"', Firma: "O'Neil Ltd" }]);
  });
});

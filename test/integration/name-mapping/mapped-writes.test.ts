// Writes under the legacy name mapping (issue #5) on real databases: POST, PATCH, PUT, deep insert
// and @odata.bind in public names persist canonically (read back through the canonical gateway);
// Location and OData-EntityId use public names; 400/422 errors name public properties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../helpers/databases';
import { startMappedGateways, type MappedGateways } from './mapped-gateways';

describe.each(testDialects())('writes in public names on %s', (dialect) => {
  let g: MappedGateways;
  let root: string;
  beforeAll(async () => {
    g = await startMappedGateways(dialect, 'acme');
    root = `${g.mapped.url}/odata`;
  });
  afterAll(() => g?.close());

  it('creates an entity from public names: Location, body and the canonical row', async () => {
    const res = await g.m.post('Kunden', { '@odata.type': '#Legacy.Erp.Kunde', KundenNr: '20001', Firma: 'Gamma KG', Kreditlimit: '12.5', Anschrift: { Ort: 'Köln' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${root}/Kunden('20001')`);
    expect(res.body).toMatchObject({ '@odata.context': `${root}/$metadata#Kunden/$entity`, KundenNr: '20001', Firma: 'Gamma KG', Kreditlimit: 12.5, Anschrift: { Ort: 'Köln' } });
    const canonical = await g.c.get("Customers('20001')");
    expect(canonical.body).toMatchObject({ ID: '20001', Name: 'Gamma KG', CreditLimit: 12.5, Address: { City: 'Köln' } });
    const minimal = await g.m.post('Kunden', { KundenNr: '20002', Firma: 'Delta' }, { Prefer: 'return=minimal' });
    expect([minimal.status, minimal.headers.get('odata-entityid')]).toEqual([204, `${root}/Kunden('20002')`]);
    const price = await g.m.post('Preise', { KundenNr: '10002', ProductID: 'A-1', Preis: '5' }, { Accept: 'application/json;odata.metadata=full' });
    expect(price.headers.get('location')).toBe(`${root}/Preise(KundenNr='10002',ProductID='A-1')`);
    expect(price.body).toMatchObject({ '@odata.id': `${root}/Preise(KundenNr='10002',ProductID='A-1')`, '@odata.type': '#Legacy.Erp.Preisvereinbarung', Preis: 5 });
  });

  it('updates with PATCH and PUT in public names, composite keys included', async () => {
    const patch = await g.m.patch("Kunden('20001')", { Firma: 'Gamma & Co KG', Anschrift: { Ort: 'Bonn' } }, '*', { Prefer: 'return=representation' });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ Firma: 'Gamma & Co KG', Anschrift: { Ort: 'Bonn' } });
    expect((await g.c.get("Customers('20001')")).body).toMatchObject({ Name: 'Gamma & Co KG', Address: { City: 'Bonn' }, Version: 2 });
    const price = await g.m.patch("Preise(KundenNr='10001',ProductID='A-1')", { Preis: '7.25' });
    expect(price.status).toBe(204);
    expect((await g.c.get("PriceAgreements(CustomerID='10001',ProductID='A-1')")).body).toMatchObject({ Price: 7.25 });
    const put = await g.m.put("Ansprechpartner('k2')", { ID: 'k2', KundenNr: '10001', LastName: 'Brown', EMail: 'brown@alpha.example', Rolle: 'Administrator' });
    expect(put.status).toBe(204);
    expect((await g.c.get("Contacts('k2')")).body).toMatchObject({ Email: 'brown@alpha.example', Role: 'Administrator', CustomerID: '10001' });
  });

  it('deep-inserts through a public navigation name and binds with public set names', async () => {
    const deep = await g.m.post('Kunden', { KundenNr: '20003', Firma: 'Epsilon', Kontakte: [{ ID: 'k20', LastName: 'Evans', EMail: 'e@eps.example', Rolle: 'Approver' }] });
    expect(deep.status).toBe(201);
    expect(deep.body.Kontakte).toMatchObject([{ ID: 'k20', KundenNr: '20003', EMail: 'e@eps.example', Rolle: 'Approver' }]);
    expect((await g.c.get("Customers('20003')/Contacts")).body.value).toMatchObject([{ ID: 'k20', CustomerID: '20003', Email: 'e@eps.example' }]);
    for (const [id, url] of [['k21', "Kunden('20003')"], ['k22', `${root}/Kunden('10002')`]] as const) {
      const bound = await g.m.post('Ansprechpartner', { ID: id, LastName: 'Bound', EMail: `${id}@x.example`, 'Kunde@odata.bind': url });
      expect(bound.status, url).toBe(201);
    }
    expect((await g.c.get("Contacts('k21')")).body.CustomerID).toBe('20003');
    expect((await g.c.get("Contacts('k22')")).body.CustomerID).toBe('10002');
    const through = await g.m.post("Kunden('20003')/Kontakte", { ID: 'k23', LastName: 'Through', EMail: 'k23@x.example' });
    expect([through.status, through.headers.get('location')]).toEqual([201, `${root}/Ansprechpartner('k23')`]);
  });

  it('refuses canonical names in bodies and bind URLs like unknown names', async () => {
    const unknown = await g.m.post('Kunden', { KundenNr: '20009', Name: 'Canonical' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'UnknownProperty', target: 'Name', message: 'Unknown property for Legacy.Erp.Kunde: Name' });
    const member = await g.m.post('Kunden', { KundenNr: '20009', Firma: 'x', Anschrift: { City: 'Köln' } });
    expect(member.body.error).toMatchObject({ code: 'UnknownProperty', target: 'Anschrift/City' });
    const bindName = await g.m.post('Ansprechpartner', { ID: 'k29', LastName: 'x', EMail: 'k29@x.example', 'Customer@odata.bind': "Kunden('10001')" });
    expect([bindName.status, bindName.body.error.target]).toEqual([400, 'Customer@odata.bind']);
    const bindSet = await g.m.post('Ansprechpartner', { ID: 'k29', LastName: 'x', EMail: 'k29@x.example', 'Kunde@odata.bind': "Customers('10001')" });
    expect([bindSet.status, bindSet.body.error.message]).toEqual([404, "No entity set named 'Customers'"]);
    const type = await g.m.post('Kunden', { '@odata.type': '#B2X.Erp.Customer', KundenNr: '20009', Firma: 'x' });
    expect([type.status, type.body.error.message]).toEqual([400, '@odata.type "#B2X.Erp.Customer" is not the type of Kunden (#Legacy.Erp.Kunde).']);
    expect((await g.c.get("Customers('20009')")).status).toBe(404);
  });

  it('names public properties in 422 details', async () => {
    const res = await g.m.post('Kunden', { KundenNr: '20010', Kreditlimit: 'lots', Anschrift: { Ort: 'x'.repeat(81) } });
    expect(res.status).toBe(422);
    const targets = res.body.error.details.map((d: { target: string }) => d.target).sort();
    expect(targets).toEqual(['Anschrift/Ort', 'Firma', 'Kreditlimit']);
    for (const d of res.body.error.details) expect(d.message.startsWith(d.target)).toBe(true);
    expect(res.body.error.message).toMatch(/^The Kunde is invalid: /);
    expect(res.body.error.message).not.toMatch(/\b(Name|CreditLimit|Address|City)\b/);
    const ref = await g.m.post('Ansprechpartner', { ID: 'k30', KundenNr: 'nobody', LastName: 'x', EMail: 'k30@x.example' });
    expect(ref.status).toBe(422);
    expect(ref.body.error.details[0]).toMatchObject({ target: 'KundenNr' });
  });

  it('deletes through the public URL', async () => {
    expect((await g.m.del("Ansprechpartner('k23')")).status).toBe(204);
    expect((await g.c.get("Contacts('k23')")).status).toBe(404);
  });
});

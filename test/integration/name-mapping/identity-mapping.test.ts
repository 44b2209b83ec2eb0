// The shipped metadata/name-mapping.json renames nothing (issue #5): a gateway started with it
// answers byte for byte like one started without a mapping — $metadata, service document, reads
// with every kind of option, property reads and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultNameMappingFile } from '../../../src/edm/load-name-mapping';
import { testDialects } from '../../helpers/databases';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { writeClient, writerKey } from '../odata-write/write-client';

describe.each(testDialects())('the identity name mapping on %s', (dialect) => {
  let plain: TestGateway;
  let identity: TestGateway;
  let key: string;
  beforeAll(async () => {
    plain = await startTestGateway(dialect);
    identity = await startTestGateway(dialect, { sameDatabaseAs: plain, nameMappingFile: defaultNameMappingFile() });
    key = await writerKey(plain, 'acme');
    const w = writeClient(plain, key);
    expect((await w.post('Customers', { ID: '1', Name: 'One', Address: { City: 'Ulm' }, Contacts: [{ ID: 'k1', LastName: 'L', Email: 'l@one.example' }] })).status).toBe(201);
    expect((await w.post('Products', { ID: 'A-1', Name: 'Hammer', ListPrice: '9.99' })).status).toBe(201);
    expect((await w.post('PriceAgreements', { CustomerID: '1', ProductID: 'A-1', Price: '8.5' })).status).toBe(201);
  });
  afterAll(async () => {
    await identity?.close();
    await plain?.close();
  });

  it('answers every request with the same bytes as a gateway without a mapping', async () => {
    const urls = [
      '/odata', '/odata/$metadata', '/odata/$metadata?$format=json',
      "/odata/Customers('1')?$expand=Contacts($select=Email;$count=true)&$select=Name,Address/City",
      "/odata/Customers?$filter=Contacts/any(c:c/Role eq B2X.Erp.ContactRole'Buyer') and Address/City eq 'Ulm'&$orderby=Name&$count=true",
      "/odata/PriceAgreements(CustomerID='1',ProductID='A-1')/Price", "/odata/Customers('1')/Address",
      "/odata/Customers?$filter=Nope eq 1", '/odata/Clients',
    ];
    for (const url of urls) {
      for (const accept of ['application/json', 'application/json;odata.metadata=full']) {
        const init = { headers: { Accept: url.includes('$metadata') && !url.includes('json') ? 'application/xml' : accept } };
        const [a, b] = await Promise.all([plain.request(url.replace(/ /g, '%20'), key, init), identity.request(url.replace(/ /g, '%20'), key, init)]);
        const [ta, tb] = [await a.text(), await b.text()];
        expect(b.status, url).toBe(a.status);
        expect(tb.replaceAll(identity.url, plain.url), url).toBe(ta);
      }
    }
  });
});

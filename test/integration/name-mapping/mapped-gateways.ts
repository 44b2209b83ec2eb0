// Two gateways on one database for the name-mapping tests (issue #5): one serving the canonical
// names, one serving the legacy names of test/fixtures/name-mapping/legacy-names.json, with one
// ERP key valid on both and a small data set written through the canonical gateway.
import { join } from 'node:path';
import type { Dialect } from '../../../src/data/db';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { writeClient, writerKey, type WriteClient } from '../odata-write/write-client';

export const MAPPING_FILE = join(__dirname, '..', '..', 'fixtures', 'name-mapping', 'legacy-names.json');

export interface MappedGateways {
  readonly canonical: TestGateway;
  readonly mapped: TestGateway;
  /** clients with the same key: `c` on canonical names, `m` on the mapped (public) names */
  readonly c: WriteClient;
  readonly m: WriteClient;
  close(): Promise<void>;
}

async function seed(c: WriteClient): Promise<void> {
  const posts: Array<[string, unknown]> = [
    ['Customers', { ID: '10001', Name: 'Alpha GmbH', CreditLimit: '1000.50', Address: { City: 'Berlin', CountryCode: 'DE' } }],
    ['Customers', { ID: '10002', Name: 'Beta AG', CreditLimit: '20', Address: { City: 'München' } }],
    ['Customers', { ID: '10003', Name: "O'Neil Ltd", CreditLimit: '0' }],
    ['Contacts', { ID: 'k1', CustomerID: '10001', LastName: 'Adams', Email: 'a@alpha.example', Role: 'Approver' }],
    ['Contacts', { ID: 'k2', CustomerID: '10001', LastName: 'Brown', Email: 'b@alpha.example' }],
    ['Contacts', { ID: 'k3', CustomerID: '10002', LastName: 'Clark', Email: 'c@beta.example', Role: 'Administrator' }],
    ['Products', { ID: 'A-1', Name: 'Hammer', ListPrice: '9.99' }],
    ['PriceAgreements', { CustomerID: '10001', ProductID: 'A-1', Price: '8.5' }],
  ];
  for (const [set, body] of posts) {
    const r = await c.post(set, body);
    if (r.status !== 201) throw new Error(`seed ${set}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

export async function startMappedGateways(dialect: Dialect, tenant: string): Promise<MappedGateways> {
  const canonical = await startTestGateway(dialect);
  const mapped = await startTestGateway(dialect, { sameDatabaseAs: canonical, nameMappingFile: MAPPING_FILE });
  const key = await writerKey(canonical, tenant);
  const c = writeClient(canonical, key);
  await seed(c);
  return {
    canonical, mapped, c, m: writeClient(mapped, key),
    async close() {
      await mapped.close();
      await canonical.close();
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from './databases';

const dialects = testDialects();

describe.each(dialects)('test databases on %s', (dialect) => {
  it('creates a migrated database with tenant-scoped model tables', async () => {
    const t = await createTestDatabase(dialect);
    try {
      const cols = await t.db.knex('customers').columnInfo();
      expect(Object.keys(cols)).toContain('tenant_id');
      expect(Object.keys(cols)).toContain('address_city');
    } finally {
      await t.dispose();
    }
  });
});
